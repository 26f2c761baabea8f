package com.smshub.status.boundary;

import java.util.logging.Logger;

import javax.sql.DataSource;

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
import com.smshub.platform.SingleNodeTask;
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
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StatusPoller {

    private static final Logger LOG = Logger.getLogger(StatusPoller.class.getName());
    /** The longest run of rounds in one tick. */
    private static final long BUDGET_MILLIS = 20_000;

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    DueChecks checks;

    private final SingleNodeTask task = new SingleNodeTask("status_poll", LOG);

    @PostConstruct
    void start() {
        long interval = Configuration.number("smshub.status.poll-interval-ms", 5000);
        timers.createIntervalTimer(interval, interval, new TimerConfig("status-poller", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void tick() {
        task.tick(dataSource, this::poll);
    }

    /**
     * Rounds of checks while full ones come, for at most {@link #BUDGET_MILLIS}: a backlog is worked off at the
     * providers' pace, not at a round per interval.
     */
    private void poll() {
        long until = System.currentTimeMillis() + BUDGET_MILLIS;
        while (checks.round() == DueChecks.ROUND && System.currentTimeMillis() < until) {
            LOG.finest("another round of status checks");
        }
    }
}
