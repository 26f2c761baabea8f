package com.smshub.provider.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.ProviderEvents.ReportResult;

/**
 * Receipts handed to the core in groups, one transaction a group: whatever receipts came while the last
 * group committed go together in the next. Each receipt's thread waits for its group's commit before it
 * answers deliver_sm, so nothing is acknowledged before it is recorded, and the commits, not the receipts,
 * are what a session pays for. A group that fails is applied receipt by receipt, so that one bad receipt
 * does not hold the others back.
 */
final class ReceiptGroups implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReceiptGroups.class.getName());
    /** The most receipts in one transaction. */
    static final int MOST = 200;
    /** Longer than any commit: a receipt left behind when the session closed is answered as not recorded. */
    private static final int GROUP_WAIT_SECONDS = 30;

    private record Pending(DeliveryReport report, CompletableFuture<ReportResult> result) {
    }

    private final ProviderEvents events;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Thread applier;
    private volatile boolean open = true;

    ReceiptGroups(ProviderEvents events, String name) {
        this.events = events;
        this.applier = new Thread(this::run, "smpp-receipts-" + name);
        applier.setDaemon(true);
        applier.start();
    }

    /** Applies the report with the others waiting; returns once its group is committed. */
    ReportResult apply(DeliveryReport report) throws InterruptedException, ExecutionException {
        if (!open) {
            throw new ExecutionException(new IllegalStateException("the session is closing"));
        }
        Pending pending = new Pending(report, new CompletableFuture<>());
        waiting.add(pending);
        try {
            return pending.result().get(GROUP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ExecutionException("no group took the receipt in " + GROUP_WAIT_SECONDS + " s", e);
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>(MOST);
        while (open) {
            try {
                Pending first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, MOST - 1);
                applyAll(group);
            } catch (InterruptedException e) {
                break;
            } finally {
                group.clear();
            }
        }
        for (Pending left; (left = waiting.poll()) != null; ) {
            left.result().completeExceptionally(new IllegalStateException("the session closed"));
        }
    }

    private void applyAll(List<Pending> group) {
        try {
            List<ReportResult> results = events.reports(group.stream().map(Pending::report).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A group of " + group.size() + " receipts failed; applied one by one", e);
            for (Pending pending : group) {
                try {
                    pending.result().complete(events.reports(List.of(pending.report())).get(0));
                } catch (RuntimeException one) {
                    pending.result().completeExceptionally(one);
                }
            }
        }
    }

    @Override
    public void close() {
        open = false;
        applier.interrupt();
    }
}
