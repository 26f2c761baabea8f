package com.smshub.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

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
import com.smshub.StoredMessages;
import com.smshub.kernel.MessageStatus;
import com.smshub.sending.control.SendRequests;
import com.smshub.tenant.control.TenantDirectory;

/**
 * The dispatch claim reads its message by primary key, whatever the database's planner knows: with the
 * statistics of a table where no message waited, a status condition in the claim made
 * PostgreSQL walk the waiting messages' index instead, which under load holds every queued message.
 */
@ExtendWith(ArquillianExtension.class)
class ClaimPlanIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("claim-plan-it");
    }

    @Inject
    Outbox outbox;

    @Inject
    SendRequests requests;

    @Inject
    TenantDirectory tenants;

    @Inject
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Test
    void aClaimReadsItsMessageByKeyAfterTheTableIsAnalysed() throws Exception {
        long tenant = tenants.byUsername("demo").id();
        tx.begin();
        List<String> sent = StoredMessages.store(requests, outbox, tenant, 2000, MessageStatus.DELIVERED, null); // a table of messages sent
        tx.commit();

        // statistics taken at a quiet moment, with no message waiting (rolled back: other tests' messages stay)
        tx.begin();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
            s.executeUpdate("UPDATE message SET status = 'DELIVERED' WHERE status IN ('QUEUED', 'SCHEDULED')");
            s.execute(postgresql ? "ANALYZE message" : "ANALYZE TABLE message");
            String plan = explain(c, Outbox.CLAIM, sent.get(0));
            assertFalse(plan.contains("message_waiting"), plan);
            assertTrue(plan.contains(postgresql ? "message_pkey" : "primary_key"), plan);
            if (postgresql) {
                // the claim that opens the attempt in the same statement, with its status test
                String opening = explain(c, Outbox.CLAIM_OPENING.replaceFirst("\\?", "now()").replaceFirst("\\?", "'plan'"),
                        sent.get(0));
                assertFalse(opening.contains("message_waiting"), opening);
                assertTrue(opening.contains("message_pkey"), opening);
            }
        } finally {
            tx.rollback();
        }
    }

    private static String explain(Connection c, String sql, String id) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
        }
        return plan.toString().toLowerCase(Locale.ROOT);
    }
}
