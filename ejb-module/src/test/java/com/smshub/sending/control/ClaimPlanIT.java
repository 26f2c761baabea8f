package com.smshub.sending.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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
import com.smshub.provider.ProviderCode;
import com.smshub.sending.entity.Encoding;
import com.smshub.sending.entity.SendCommand;
import com.smshub.sending.entity.SmsContent;
import com.smshub.status.entity.MessageStatus;
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
    MessageStore store;

    @Inject
    TenantDirectory tenants;

    @Inject
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Test
    void aClaimReadsItsMessageByKeyAfterTheTableIsAnalysed() throws Exception {
        long tenant = tenants.byUsername("demo").id();
        SmsContent content = new SmsContent(null, "plan", null, null, null, null, false, null, null, null, null, null, null,
                null, null);
        SendCommand command = new SendCommand(SendCommand.Kind.BATCH, null, null, List.of(new SendCommand.Item(null, "+46700000000", content)));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<MessageStore.NewMessage> messages = new ArrayList<>();
        for (int i = 0; i < 2000; i++) { // a table of messages sent
            messages.add(new MessageStore.NewMessage(UUID.randomUUID().toString(), tenant, i, null, "+46700000000", content,
                    Encoding.GSM7, 1, MessageStatus.DELIVERED, null, null, ProviderCode.SMSPRO, null, null, null, null));
        }
        tx.begin();
        store.insertMessages(store.insertRequest(tenant, command, "hash", now), messages, now, "IT");
        tx.commit();

        // statistics taken at a quiet moment, with no message waiting (rolled back: other tests' messages stay)
        tx.begin();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
            s.executeUpdate("UPDATE message SET status = 'DELIVERED' WHERE status IN ('QUEUED', 'SCHEDULED')");
            s.execute(postgresql ? "ANALYZE message" : "ANALYZE TABLE message");
            String plan = explain(c, MessageStore.CLAIM, messages.get(0).id());
            assertFalse(plan.contains("message_waiting"), plan);
            assertTrue(plan.contains(postgresql ? "message_pkey" : "primary_key"), plan);
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
