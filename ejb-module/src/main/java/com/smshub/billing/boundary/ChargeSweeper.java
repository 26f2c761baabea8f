package com.smshub.billing.boundary;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
import com.smshub.billing.control.ChargeBook;

/**
 * Finds charges whose caller stopped between recording them and recording the answer (the server was killed):
 * still REQUESTED that long after their request last left (the first attempt, or the retry of one not made),
 * the longest a request can take and a margin
 * ({@code smshub.billing.unknown-after-seconds}, 120 s), they become UNKNOWN, to be reconciled, never
 * requested again. Every 10 s; the move is conditional, so nodes running it together do no harm.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChargeSweeper {

    private static final Logger LOG = Logger.getLogger(ChargeSweeper.class.getName());
    static final Duration UNKNOWN_AFTER = Configuration.seconds("smshub.billing.unknown-after-seconds", 120);

    @Resource
    TimerService timers;

    @Inject
    ChargeBook book;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(10_000, 10_000, new TimerConfig("charge-sweeper", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        int unknown = book.expire(UNKNOWN_AFTER);
        if (unknown > 0) {
            LOG.warning(() -> unknown + " charges had no recorded answer after " + UNKNOWN_AFTER.toSeconds()
                    + " s and are UNKNOWN: reconcile them (GET /smshub/admin/charges?state=UNKNOWN)");
        }
    }
}
