package com.smshub.dispatch.boundary;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.dispatch.control.DispatchQueue;
import com.smshub.dispatch.control.InterruptedAttempts;
import com.smshub.kernel.Configuration;
import com.smshub.message.Dispatch;
import com.smshub.message.Outbox;
import com.smshub.platform.PeriodicJob;

/**
 * The safety net under dispatch: attempts nobody will finish are resolved by their accounts' policies
 * (InterruptedAttempts), and a message still QUEUED (or SCHEDULED and due) long after the relay queued it, with no
 * attempt under way, is queued again (with its dispatch group: a group swept one message at a time would become as
 * many provider requests, and under a backlog that slows the queue further, which sweeps more). Its JMS message may have been lost with a crashed node, or held in a transaction
 * the recovery manager has not resolved yet; dispatch locks the row and skips a message that has already
 * moved on, so a second JMS message for it changes nothing. Every 30 seconds, one node at a time.
 */
@ApplicationScoped
public class DispatchSweeper implements PeriodicJob {

    private static final Logger LOG = Logger.getLogger(DispatchSweeper.class.getName());
    private static final int BATCH = 1000;
    /** How long a message may wait for dispatch before it is queued again (smshub.dispatch.stale-seconds). */
    private static final Duration STALE = Configuration.seconds("smshub.dispatch.stale-seconds", 300);

    @Inject
    DispatchQueue queue;

    @Inject
    Outbox outbox;

    @Inject
    InterruptedAttempts interrupted;

    @Override
    public String name() {
        return "dispatch-sweeper";
    }

    @Override
    public Duration every() {
        return Duration.ofMillis(Math.max(1000, Math.min(30_000, STALE.toMillis() / 4)));
    }

    @Override
    public String lock() {
        return "dispatch_sweep";
    }

    @Override
    public void run() {
        interrupted.resolve(BATCH);
        List<Dispatch> stale = outbox.takeStale(STALE, BATCH);
        if (stale.isEmpty()) {
            return;
        }
        queue.enqueueDispatches(stale);
        long messages = stale.stream().mapToLong(d -> d.messageIds().size()).sum();
        LOG.warning(() -> messages + " messages waited more than " + STALE.toSeconds() + " s in the dispatch queue and were queued again");
    }
}
