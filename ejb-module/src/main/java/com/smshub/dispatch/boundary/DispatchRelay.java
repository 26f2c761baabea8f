package com.smshub.dispatch.boundary;

import java.time.Instant;
import java.util.List;
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
import com.smshub.dispatch.control.DispatchQueue;
import com.smshub.message.Dispatch;
import com.smshub.message.Outbox;
import com.smshub.metrics.control.GatewayMetrics;
import com.smshub.platform.SingleNodeTask;

/**
 * Moves accepted messages from the outbox (messages whose {@code dispatch_due_at} has come) to the dispatch
 * queue, up to 2,000 in one transaction, ten times a second. Acceptance then commits to the database alone,
 * and the two-resource commit (database and broker) is paid once per chunk instead of once per call. The
 * queue and the cleared due time commit together, so a message is queued exactly once; one node at a time.
 * The messages of a dispatch group (one provider request for several recipients) are queued as one.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DispatchRelay {

    private static final Logger LOG = Logger.getLogger(DispatchRelay.class.getName());
    private static final int CHUNK = 2000;
    /** The outbox's depth is counted up to this: past it, the figure says "very deep" and a scrape stays cheap. */
    private static final int MOST_COUNTED = 100_000;

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    DispatchQueue queue;

    @Inject
    Outbox outbox;

    @Inject
    GatewayMetrics metrics;

    private final SingleNodeTask task = new SingleNodeTask("dispatch_relay", LOG);

    @PostConstruct
    void start() {
        long interval = Configuration.number("smshub.dispatch.relay-interval-ms", 100);
        timers.createIntervalTimer(interval, interval, new TimerConfig("dispatch-relay", false));
        metrics.outbox(() -> outbox.waiting(Instant.now(), MOST_COUNTED));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void tick() {
        task.tick(dataSource, this::relay);
    }

    private void relay() {
        List<Dispatch> due = outbox.takeDue(CHUNK, Instant.now());
        if (!due.isEmpty()) {
            queue.enqueueDispatches(due);
        }
    }
}
