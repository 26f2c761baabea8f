package com.smshub.dispatch.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Moves accepted messages from the outbox (messages whose {@code dispatch_due_at} has come) to the dispatch
 * queue, up to 2,000 in one transaction, ten times a second. Acceptance then commits to the database alone,
 * and the two-resource commit (database and broker) is paid once per chunk instead of once per call. The
 * queue and the cleared due time commit together, so a message is queued exactly once; one node at a time.
 * The messages of a dispatch group (one provider request for several recipients) are queued as one.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DispatchRelay {

    private static final Logger LOG = Logger.getLogger(DispatchRelay.class.getName());
    private static final int CHUNK = 2000;
    /** The messages due for the queue, oldest first, by the outbox index. */
    static final String DUE = "SELECT id, dispatch_group FROM message WHERE dispatch_due_at <= ? ORDER BY dispatch_due_at "
            + "FETCH FIRST " + CHUNK + " ROWS ONLY";

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    DispatchQueue queue;

    private final SingleNodeTask task = new SingleNodeTask("dispatch_relay", LOG);

    @PostConstruct
    void start() {
        long interval = Long.getLong("smshub.dispatch.relay-interval-ms", 100);
        timers.createIntervalTimer(interval, interval, new TimerConfig("dispatch-relay", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void tick() {
        task.tick(dataSource, this::relay);
    }

    private void relay(Connection c) throws SQLException {
        List<String> due = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> dispatches = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(DUE)) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    String group = r.getString(2);
                    due.add(id);
                    if (group == null) {
                        dispatches.add(id);
                    } else {
                        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
                    }
                }
            }
        }
        if (due.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE message SET dispatch_due_at = NULL WHERE id = ?")) {
            for (String id : due) {
                s.setString(1, id);
                s.addBatch();
            }
            s.executeBatch();
        }
        // a dispatch group goes as one dispatch: its ids, comma-separated
        groups.values().forEach(ids -> dispatches.add(String.join(",", ids)));
        queue.enqueue(dispatches);
    }
}
