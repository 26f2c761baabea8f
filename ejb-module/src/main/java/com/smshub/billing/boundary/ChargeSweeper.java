package com.smshub.billing.boundary;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.billing.control.ChargeBook;
import com.smshub.kernel.Configuration;
import com.smshub.platform.PeriodicJob;

/**
 * Finds charges whose caller stopped between recording them and recording the answer (the server was killed):
 * still REQUESTED that long after their request last left (the first attempt, or the retry of one not made),
 * the longest a request can take and a margin
 * ({@code smshub.billing.unknown-after-seconds}, 120 s), they become UNKNOWN, to be reconciled, never
 * requested again. Every 10 s; the move is conditional, so nodes running it together do no harm.
 */
@ApplicationScoped
public class ChargeSweeper implements PeriodicJob {

    private static final Logger LOG = Logger.getLogger(ChargeSweeper.class.getName());
    static final Duration UNKNOWN_AFTER = Configuration.seconds("smshub.billing.unknown-after-seconds", 120);

    @Inject
    ChargeBook book;

    @Override
    public String name() {
        return "charge-sweeper";
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(10);
    }

    @Override
    public void run() {
        int unknown = book.expire(UNKNOWN_AFTER);
        if (unknown > 0) {
            LOG.warning(() -> unknown + " charges had no recorded answer after " + UNKNOWN_AFTER.toSeconds()
                    + " s and are UNKNOWN: reconcile them (GET /smshub/admin/charges?state=UNKNOWN)");
        }
    }
}
