package com.smshub.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
 * What the dispatch sweeper queues again: messages handed to the dispatch queue long ago and still waiting, a
 * dispatch group's together, and nothing the relay has not queued yet. All in one transaction that is rolled back,
 * so the server's own relay and sweeper never see these rows.
 */
@ExtendWith(ArquillianExtension.class)
class StaleMessagesIT {

    /** Older than anything another test or run left behind, so these come first in the sweep's order. */
    private static final Timestamp LONG_AGO = Timestamp.from(Instant.parse("2001-01-01T00:00:00Z"));

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("stale-messages-it");
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

    @Resource
    ManagedExecutorService executor;

    @Test
    void aSweepQueuesAgainWhatWasQueuedLongAgoWithItsGroupAndNothingStillInTheOutbox() throws Exception {
        tx.begin();
        try {
            List<String> ids = StoredMessages.store(requests, outbox, tenants.byUsername("demo").id(), 5, MessageStatus.QUEUED, null);
            String alone = ids.get(0);
            String group = UUID.randomUUID().toString();
            String inOutbox = ids.get(3);
            String recent = ids.get(4);
            update("UPDATE message SET updated_at = ?, dispatch_due_at = NULL WHERE id IN (?, ?, ?)", LONG_AGO, alone, ids.get(1), ids.get(2));
            update("UPDATE message SET dispatch_group = ? WHERE id IN (?, ?)", group, ids.get(1), ids.get(2));
            update("UPDATE message SET updated_at = ?, dispatch_due_at = ? WHERE id = ?", LONG_AGO, LONG_AGO, inOutbox);
            update("UPDATE message SET dispatch_due_at = NULL WHERE id = ?", recent);

            List<Dispatch> swept = outbox.takeStale(Duration.ofMinutes(5), 1000).stream()
                    .filter(d -> d.messageIds().stream().anyMatch(ids::contains)).toList();

            assertEquals(2, swept.size(), "the lone message and the group, one dispatch each: " + swept);
            assertTrue(swept.contains(new Dispatch(List.of(alone))), swept.toString());
            assertTrue(swept.stream().anyMatch(d -> d.messageIds().size() == 2 && d.messageIds().containsAll(ids.subList(1, 3))),
                    "the group's messages in one dispatch, as the relay queued them: " + swept);
            assertTrue(outbox.takeStale(Duration.ofMinutes(5), 1000).stream().noneMatch(d -> d.messageIds().stream().anyMatch(ids::contains)),
                    "their wait counts from the sweep again");

            // the relay takes the one still in the outbox, and its wait counts from then
            Instant relayed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            assertTrue(outbox.takeDue(1000, relayed).stream().anyMatch(d -> d.messageIds().equals(List.of(inOutbox))));
            assertEquals(relayed, updatedAt(inOutbox).toInstant(), "the relay stamps when it queued the message");
        } finally {
            tx.rollback();
        }
    }

    /**
     * The sweep reads without locks, so a dispatcher may claim a message between the sweep's read and its stamp.
     * The stamp must then leave it alone: queued again it would go twice, and stamped it would stay locked until
     * the sweep commits, while its dispatcher waits to record what the provider answered (a CrashRecoveryIT run
     * saw that outcome time out and the message held UNKNOWN although the provider had taken it). Committed rows,
     * so that two transactions meet; scheduled half a minute ahead, so that the server's own relay and sweeper
     * leave the message alone, and this test's sweep rolled back.
     */
    @Test
    void aMessageClaimedWhileTheSweepReadsIsNeitherQueuedAgainNorHeldByIt() throws Exception {
        tx.begin();
        String id = StoredMessages.store(requests, outbox, tenants.byUsername("demo").id(), 1, MessageStatus.QUEUED, null).get(0);
        update("UPDATE message SET status = 'SCHEDULED', scheduled_at = ?, dispatch_due_at = NULL, updated_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().plusSeconds(30)), LONG_AGO, id);
        tx.commit();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<?> dispatcher = executor.submit(() -> {
                tx.begin();
                update("UPDATE message SET attempt_started_at = ?, attempts = attempts + 1 WHERE id = ?", Timestamp.from(Instant.now()), id);
                claimed.countDown();
                assertTrue(go.await(10, TimeUnit.SECONDS));
                tx.commit();
                return null;
            });
            assertTrue(claimed.await(10, TimeUnit.SECONDS), "the dispatcher holds the claimed row");
            Future<List<Dispatch>> sweep = executor.submit(() -> {
                tx.begin();
                try {
                    return outbox.takeStale(Duration.ofSeconds(-60), 1000);
                } finally {
                    tx.rollback();
                }
            });
            Thread.sleep(300); // the sweep has read the message as waiting and waits for its row
            go.countDown();
            dispatcher.get(10, TimeUnit.SECONDS);
            List<Dispatch> swept = sweep.get(10, TimeUnit.SECONDS);
            assertTrue(swept.stream().noneMatch(d -> d.messageIds().contains(id)), "claimed meanwhile: not queued again " + swept);
        } finally {
            update("UPDATE message SET status = 'FAILED', attempt_started_at = NULL WHERE id = ?", id);
        }
    }

    private void update(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            assertTrue(s.executeUpdate() > 0, sql);
        }
    }

    private Timestamp updatedAt(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT updated_at FROM message WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getTimestamp(1);
            }
        }
    }
}
