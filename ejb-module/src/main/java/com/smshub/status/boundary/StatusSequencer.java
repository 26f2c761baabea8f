package com.smshub.status.boundary;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.message.StatusStore;
import com.smshub.platform.PeriodicJob;

/**
 * Gives committed status changes their cursor value (seq), in the order they became visible, five times a
 * second. A change that commits late gets a later seq than those sequenced before it, so a reader of
 * GetStatusChanges, which sees only sequenced changes, never skips one. The sequencer row lock lets any
 * number of nodes run this side by side: one at a time sequences.
 */
@ApplicationScoped
public class StatusSequencer implements PeriodicJob {

    private static final int CHUNK = 5000;

    @Inject
    StatusStore statuses;

    @Override
    public String name() {
        return "status-sequencer";
    }

    @Override
    public Duration every() {
        return Duration.ofMillis(200);
    }

    @Override
    public Duration firstAfter() {
        return Duration.ofSeconds(1);
    }

    @Override
    public String lock() {
        return "status_change";
    }

    /** Sequences up to one chunk of changes; a busy feed catches up over the following ticks. */
    @Override
    public void run() {
        statuses.sequenceChanges(CHUNK);
    }
}
