package com.smshub.dispatch.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.dispatch.control.DispatchQueue;
import com.smshub.kernel.Configuration;
import com.smshub.message.Dispatch;
import com.smshub.message.Outbox;
import com.smshub.metrics.control.GatewayMetrics;
import com.smshub.platform.PeriodicJob;

/**
 * Moves accepted messages from the outbox (messages whose {@code dispatch_due_at} has come) to the dispatch
 * queue, up to 2,000 in one transaction, ten times a second. Acceptance then commits to the database alone,
 * and the two-resource commit (database and broker) is paid once per chunk instead of once per call. The
 * queue and the cleared due time commit together, so a message is queued exactly once; one node at a time.
 * The messages of a dispatch group (one provider request for several recipients) are queued as one.
 */
@ApplicationScoped
public class DispatchRelay implements PeriodicJob {

    private static final int CHUNK = 2000;
    /** The outbox's depth is counted up to this: past it, the figure says "very deep" and a scrape stays cheap. */
    private static final int MOST_COUNTED = 100_000;

    @Inject
    DispatchQueue queue;

    @Inject
    Outbox outbox;

    @Inject
    GatewayMetrics metrics;

    private final Duration every = Duration.ofMillis(Configuration.number("smshub.dispatch.relay-interval-ms", 100));

    @PostConstruct
    void start() {
        metrics.outbox(() -> outbox.waiting(Instant.now(), MOST_COUNTED));
    }

    @Override
    public String name() {
        return "dispatch-relay";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public String lock() {
        return "dispatch_relay";
    }

    @Override
    public void run() {
        List<Dispatch> due = outbox.takeDue(CHUNK, Instant.now());
        if (!due.isEmpty()) {
            queue.enqueueDispatches(due);
        }
    }
}
