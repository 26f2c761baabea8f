package com.smshub.intake.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.ProviderEvents.ReportResult;

/**
 * Delivery reports pushed over concurrent HTTP requests, applied in groups (group commit): whatever reports
 * came while one group committed go together in the next, in one transaction. No thread of its own: a push
 * that finds no group being applied applies the waiting ones, its own among them, on its own thread, and the
 * others wait for the commit of the group that holds theirs. So each push is still answered only once its
 * reports are durable, and the commits, not the pushes, are what the database pays for. A group that fails is
 * applied push by push, so that one bad push does not hold the others back. The group's log lines carry the
 * log context of the push that applies it (its provider and account), whatever accounts the others are of.
 */
@ApplicationScoped
public class ReportGroups {

    private static final Logger LOG = Logger.getLogger(ReportGroups.class.getName());
    /** The most pushes in one transaction. */
    static final int MOST = 200;
    /** Far longer than a commit: a push whose group did not commit by then is answered as not recorded. */
    static final long GROUP_WAIT_SECONDS = 60;

    /** One push's reports, the thread that waits for them, and their results once committed. */
    private record Pending(List<DeliveryReport> reports, Thread waiter, CompletableFuture<List<ReportResult>> results) {

        void complete(List<ReportResult> applied) {
            results.complete(applied);
            LockSupport.unpark(waiter);
        }

        void fail(RuntimeException failure) {
            results.completeExceptionally(failure);
            LockSupport.unpark(waiter);
        }
    }

    @Inject
    ProviderEvents events;

    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    /** Whether a push is applying a group. */
    private final AtomicBoolean applying = new AtomicBoolean();

    /**
     * Applies the reports of one push with those of the pushes waiting beside it; returns once they are
     * committed. Called outside a transaction. A waiting push's thread is woken once: when its group has
     * committed, or when it is the oldest waiting as a group ends, to apply the next.
     *
     * @return one result per report, in order
     */
    public List<ReportResult> apply(List<DeliveryReport> reports) {
        Pending mine = new Pending(List.copyOf(reports), Thread.currentThread(), new CompletableFuture<>());
        waiting.add(mine);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GROUP_WAIT_SECONDS);
        boolean interrupted = false;
        while (!mine.results().isDone()) {
            if (applying.compareAndSet(false, true)) {
                try {
                    applyWaiting();
                } finally {
                    applying.set(false);
                    // the oldest push still waiting applies the next group (or finds its own done, or another did)
                    Pending next = waiting.peek();
                    if (next != null) {
                        LockSupport.unpark(next.waiter());
                    }
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 && waiting.remove(mine)) {
                // never taken into a group: nothing of it is written, and the provider pushes it again
                mine.fail(new IllegalStateException("no group took the push in " + GROUP_WAIT_SECONDS + " s"));
                break;
            }
            LockSupport.parkNanos(this, Math.max(left, TimeUnit.MILLISECONDS.toNanos(100)));
            // the answer waits for the commit all the same; an interrupt is kept for the caller, not spun on
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            return mine.results().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** One group: the oldest waiting pushes, up to {@link #MOST}. */
    private void applyWaiting() {
        List<Pending> group = new ArrayList<>();
        for (Pending next; group.size() < MOST && (next = waiting.poll()) != null; ) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        try {
            List<ReportResult> results = events.reports(group.stream().flatMap(p -> p.reports().stream()).toList());
            int at = 0;
            for (Pending pending : group) {
                pending.complete(List.copyOf(results.subList(at, at + pending.reports().size())));
                at += pending.reports().size();
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).fail(e);
                return;
            }
            LOG.log(Level.FINE, "A group of " + group.size() + " pushes failed; applied one by one", e);
            for (Pending pending : group) {
                try {
                    pending.complete(events.reports(pending.reports()));
                } catch (RuntimeException one) {
                    pending.fail(one);
                }
            }
        } finally {
            // an Error on the way: nobody of the group waits for ever
            for (Pending pending : group) {
                if (!pending.results().isDone()) {
                    pending.fail(new IllegalStateException("its group failed"));
                }
            }
        }
    }
}
