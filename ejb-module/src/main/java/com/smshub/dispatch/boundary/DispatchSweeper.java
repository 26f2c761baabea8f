package com.smshub.dispatch.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.platform.SingleNodeTask;
import com.smshub.sending.control.DispatchQueue;

/**
 * The safety net under dispatch: a message still QUEUED (or SCHEDULED and due) long after the relay queued
 * it is queued again. Its JMS message may have been lost with a crashed node, or held in a transaction
 * the recovery manager has not resolved yet; dispatch locks the row and skips a message that has already
 * moved on, so a second JMS message for it changes nothing. Every 30 seconds, one node at a time.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DispatchSweeper {

    private static final Logger LOG = Logger.getLogger(DispatchSweeper.class.getName());
    private static final int BATCH = 1000;
    /** How long a message may wait for dispatch before it is queued again (smshub.dispatch.stale-seconds). */
    private static final Duration STALE = Duration.ofSeconds(Long.getLong("smshub.dispatch.stale-seconds", 300));

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    DispatchQueue queue;

    private final SingleNodeTask task = new SingleNodeTask("dispatch_sweep", LOG);

    @PostConstruct
    void start() {
        long interval = Math.max(1000, Math.min(30_000, STALE.toMillis() / 4));
        timers.createIntervalTimer(interval, interval, new TimerConfig("dispatch-sweeper", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void tick() {
        task.tick(dataSource, this::sweep);
    }

    private void sweep(Connection c) throws SQLException {
        Timestamp before = Timestamp.from(Instant.now().minus(STALE));
        Timestamp now = Timestamp.from(Instant.now());
        List<String> stale = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM message WHERE updated_at < ? AND (status = 'QUEUED' "
                + "OR (status = 'SCHEDULED' AND scheduled_at < ?)) ORDER BY updated_at FETCH FIRST " + BATCH + " ROWS ONLY")) {
            s.setTimestamp(1, before);
            s.setTimestamp(2, before);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stale.add(r.getString(1));
                }
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE message SET updated_at = ? WHERE id = ?")) {
            for (String id : stale) {
                s.setTimestamp(1, now);
                s.setString(2, id);
                s.addBatch();
            }
            s.executeBatch();
        }
        queue.enqueue(stale);
        LOG.warning(() -> stale.size() + " messages waited more than " + STALE.toSeconds() + " s for dispatch and were queued again");
    }
}
