package com.smshub.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;
import com.smshub.provider.ProviderCode;
import com.smshub.sending.control.MessageStore;
import com.smshub.sending.entity.Encoding;
import com.smshub.sending.entity.SendCommand;
import com.smshub.sending.entity.SmsContent;
import com.smshub.status.control.StatusLedger;
import com.smshub.status.entity.MessageStatus;
import com.smshub.status.entity.ProviderReport;
import com.smshub.tenant.control.TenantDirectory;

/** The message engine's store, ledger and cursor inside the provisioned WildFly, on the real database. */
@ExtendWith(ArquillianExtension.class)
class MessageEngineIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("engine-it");
    }

    @Inject
    MessageStore store;

    @Inject
    StatusLedger ledger;

    @Inject
    TenantDirectory tenants;

    @Inject
    UserTransaction tx;

    @Resource
    ManagedExecutorService executor;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private String newMessage() throws Exception {
        long tenant = tenants.byUsername("demo").id();
        String id = UUID.randomUUID().toString();
        SmsContent content = new SmsContent(null, "engine", null, null, null, null, false, null, null, null, null, null, null,
                null, null);
        SendCommand command = new SendCommand(SendCommand.Kind.SMS, null, null, List.of(new SendCommand.Item(null, "+46700000000", content)));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        tx.begin();
        long request = store.insertRequest(tenant, command, "hash", now);
        store.insertMessages(request, List.of(new MessageStore.NewMessage(id, tenant, 0, null, "+46700000000", content,
                Encoding.GSM7, 1, MessageStatus.QUEUED, null, null, ProviderCode.SMSPRO, null, null, null, null)), now, "IT");
        tx.commit();
        return id;
    }

    private boolean apply(String id, MessageStatus status) throws Exception {
        tx.begin();
        boolean applied = ledger.apply(id, status, "IT", new ProviderReport(ProviderCode.SMSPRO, status.name(), null, "p-1"), null, null);
        tx.commit();
        return applied;
    }

    @Test
    void statusMovesOnlyForwardAndEveryReportIsRecorded() throws Exception {
        String id = newMessage();
        assertTrue(apply(id, MessageStatus.SUBMITTED));
        assertFalse(apply(id, MessageStatus.QUEUED), "backwards");
        assertFalse(apply(id, MessageStatus.SUBMITTED), "repeated");
        assertTrue(apply(id, MessageStatus.DELIVERED));
        assertFalse(apply(id, MessageStatus.UNDELIVERED), "after a final status");
        assertEquals("DELIVERED", em.createNativeQuery("SELECT status FROM message WHERE id = ?").setParameter(1, id).getSingleResult());
        @SuppressWarnings("unchecked")
        List<Object> applied = em.createNativeQuery("SELECT applied FROM status_change WHERE message_id = ? ORDER BY id")
                .setParameter(1, id).getResultList();
        assertEquals(List.of(true, true, false, false, true, false), applied);
    }

    @Test
    void dispatchClaimsAMessageOnce() throws Exception {
        String id = newMessage();
        tx.begin();
        assertTrue(store.claimForDispatch(id).isPresent());
        ledger.apply(id, MessageStatus.SUBMITTED, "IT", null, null, null);
        tx.commit();
        tx.begin();
        assertTrue(store.claimForDispatch(id).isEmpty(), "a second delivery of its JMS message changes nothing");
        tx.commit();
    }

    @Test
    void aConcurrentClaimWaitsForTheFirstAndThenFindsTheMessageGone() throws Exception {
        String id = newMessage();
        tx.begin();
        MessageStore.Dispatchable claimed = store.claimForDispatch(id).orElseThrow();
        Future<Boolean> second = executor.submit(() -> {
            tx.begin();
            try {
                return store.claimForDispatch(id).isPresent();
            } finally {
                tx.commit();
            }
        });
        Thread.sleep(500);
        assertFalse(second.isDone(), "the second claim waits for the first one's row lock");
        assertTrue(ledger.dispatched(claimed.locked(), null, MessageStatus.SUBMITTED, null, null, null));
        tx.commit();
        assertFalse(second.get(10, TimeUnit.SECONDS), "then finds the message no longer waiting: sent once");
    }

    @Test
    void aReportForAnUnknownMessageIsNotRecorded() throws Exception {
        String id = UUID.randomUUID().toString();
        assertFalse(apply(id, MessageStatus.DELIVERED));
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM status_change WHERE message_id = ?")
                .setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void changesGetTheirCursorInCommitOrder() throws Exception {
        String id = newMessage();
        apply(id, MessageStatus.SUBMITTED);
        apply(id, MessageStatus.DELIVERED);
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Long> seqs = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            seqs.clear();
            for (Object seq : em.createNativeQuery("SELECT seq FROM status_change WHERE message_id = ? ORDER BY id")
                    .setParameter(1, id).getResultList()) {
                seqs.add(seq == null ? null : ((Number) seq).longValue());
            }
            if (!seqs.contains(null)) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(3, seqs.size());
        assertFalse(seqs.contains(null), "sequenced within 10 s: " + seqs);
        assertTrue(seqs.get(0) < seqs.get(1) && seqs.get(1) < seqs.get(2), "in commit order: " + seqs);
    }
}
