package com.smshub.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;
import com.smshub.platform.SingleNodeTask;

/**
 * The relay walks the outbox index in order, even where the planner would rather not (PostgreSQL without
 * statistics picks a bitmap scan or reads the whole table): only an index scan marks the outbox's dead
 * entries, so that the next tick skips them.
 */
@ExtendWith(ArquillianExtension.class)
class RelayPlanIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("relay-plan-it");
    }

    @Inject
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Test
    void aRelayTickReadsTheOutboxByAnIndexScan() throws Exception {
        AtomicReference<String> plan = new AtomicReference<>();
        boolean postgresql;
        tx.begin();
        try {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
                if (postgresql) {
                    // a planner that finds random reads dear, as one without statistics may
                    s.execute("SET LOCAL random_page_cost = 10000");
                }
            }
            new SingleNodeTask("dispatch_relay", Logger.getLogger(RelayPlanIT.class.getName()))
                    .tick(dataSource, () -> plan.set(explain()));
        } finally {
            tx.commit();
        }
        String relay = plan.get();
        assertTrue(relay.contains("message_outbox"), relay);
        if (postgresql) {
            assertTrue(relay.contains("index scan using message_outbox"), relay);
            assertFalse(relay.contains("bitmap") || relay.contains("seq scan"), relay);
        }
    }

    /** The plan of the relay's query, on the connection of the tick's transaction (its SET LOCAL holds). */
    private String explain() {
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("EXPLAIN "
                + Outbox.due(2000))) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return plan.toString().toLowerCase(Locale.ROOT);
    }
}
