package com.smshub.status.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.status.control.StatusLedger;

/**
 * Pushed reports committed in groups: a report that arrives while others are being committed waits for the
 * next commit and goes with whatever else arrived meanwhile, so that a busy provider's reports cost one
 * transaction, one statement batch and one commit per group instead of each. A report is answered only once
 * its group has committed; a group that fails fails every report in it (the provider sends them again).
 * At most {@code LANES} groups commit at once; callers take turns leading, so no thread of our own is needed.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReportGroups {

    private static final int LANES = Integer.getInteger("smshub.reports.commit-lanes", 4);
    private static final int MOST_PER_GROUP = 200;

    private record Pending(StatusLedger.Change change, CompletableFuture<Boolean> applied) {
    }

    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final Semaphore lanes = new Semaphore(LANES);

    @Resource
    SessionContext session;

    @Inject
    StatusLedger ledger;

    /** Applies the report with the next group to commit; whether it was applied (see StatusLedger). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean apply(StatusLedger.Change change) {
        Pending mine = new Pending(change, new CompletableFuture<>());
        waiting.add(mine);
        while (true) {
            if (lanes.tryAcquire()) {
                try {
                    commitWaiting();
                } finally {
                    lanes.release();
                }
            }
            try {
                return mine.applied().get(mine.applied().isDone() ? 0 : 5, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // every lane busy, or this one was taken after the last drain: try to lead again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the report was being committed", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Commits what waits, one group after another, until nothing does. */
    private void commitWaiting() {
        ReportGroups self = session.getBusinessObject(ReportGroups.class);
        while (true) {
            List<Pending> group = new ArrayList<>();
            for (Pending p = waiting.poll(); p != null; p = group.size() < MOST_PER_GROUP ? waiting.poll() : null) {
                group.add(p);
            }
            if (group.isEmpty()) {
                return;
            }
            try {
                boolean[] applied = self.commit(group.stream().map(Pending::change).toList());
                for (int i = 0; i < applied.length; i++) {
                    group.get(i).applied().complete(applied[i]);
                }
            } catch (RuntimeException e) {
                group.forEach(p -> p.applied().completeExceptionally(e));
            }
        }
    }

    /** One group, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean[] commit(List<StatusLedger.Change> changes) {
        return ledger.applyAll(changes);
    }
}
