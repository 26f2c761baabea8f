package com.smshub.status.boundary;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
import com.smshub.platform.PeriodicJob;
import com.smshub.status.control.CheckPolicy;
import com.smshub.status.control.DueChecks;

/**
 * Asks providers about messages left open: submitted messages whose final report did not come in time, and
 * UNKNOWN ones. Every few seconds, rounds of up to 100 due messages while there are more ({@link DueChecks},
 * each committed on its own); one node at a time (a row lock in the sequencer table, held by the tick's own
 * transaction). A message still open is asked again later, less and less often; once nothing has changed for
 * the deadline ({@link CheckPolicy}), its checks end and its reason says so: UNKNOWN becomes the documented
 * final state {@code UNRESOLVED}, a submitted message {@code NO_FINAL_REPORT}. A message the provider cannot
 * be asked about (no provider id, and the provider cannot find it by ours) waits for a pushed report until
 * the same deadline.
 */
@ApplicationScoped
public class StatusPoller implements PeriodicJob {

    private static final Logger LOG = Logger.getLogger(StatusPoller.class.getName());
    /** The longest run of rounds in one tick. */
    private static final long BUDGET_MILLIS = 20_000;

    @Inject
    DueChecks checks;

    private final Duration every = Duration.ofMillis(Configuration.number("smshub.status.poll-interval-ms", 5000));

    @Override
    public String name() {
        return "status-poller";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public String lock() {
        return "status_poll";
    }

    /**
     * Rounds of checks while full ones come, for at most {@link #BUDGET_MILLIS}: a backlog is worked off at the
     * providers' pace, not at a round per interval.
     */
    @Override
    public void run() {
        long until = System.currentTimeMillis() + BUDGET_MILLIS;
        while (checks.round() == DueChecks.ROUND && System.currentTimeMillis() < until) {
            LOG.finest("another round of status checks");
        }
    }
}
