package com.smshub.platform;

import java.time.Duration;

/**
 * Work a node does every so often (relay the outbox, sequence status changes, poll providers, keep sessions, purge):
 * a CDI bean of its feature, run by the {@link Scheduler}. A run never overlaps the job's previous run on the node;
 * a job with a {@link #lock()} runs on one node of the cluster at a time, in a transaction that holds that lock
 * row and carries the run's own writes.
 */
public interface PeriodicJob {

    /** The job's name, as its timer and its log lines say it. */
    String name();

    /**
     * How long from the end of one run to the start of the next; {@link Duration#ZERO} leaves it off (a feature
     * switched off by configuration).
     */
    Duration every();

    /** How long after start the first run comes. */
    default Duration firstAfter() {
        return every();
    }

    /**
     * The row of table {@code sequencer} whose lock a run holds, so that one node of the cluster runs it at a time,
     * in a new transaction that commits the run's writes; null for a job that runs on every node, without a
     * transaction of its own (it manages its own).
     */
    default String lock() {
        return null;
    }

    /** One run. A failure is logged; the next run tries again. */
    void run();
}
