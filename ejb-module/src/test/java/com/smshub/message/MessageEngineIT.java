package com.smshub.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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
import com.smshub.StoredMessages;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.Reason;
import com.smshub.provider.spi.BillingReport;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.ProviderEvents.ReportResult;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.sending.control.SendRequests;
import com.smshub.status.control.StatusLedger;
import com.smshub.tenant.control.TenantDirectory;

/**
 * The message engine inside the provisioned WildFly, on the real database: the repository's claims and
 * status changes, the ledger's rules, the provider port as adapters call it, and the feed's cursor.
 */
@ExtendWith(ArquillianExtension.class)
class MessageEngineIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("engine-it");
    }

    @Inject
    Outbox outbox;

    @Inject
    StatusStore statuses;

    @Inject
    SendRequests requests;

    @Inject
    StatusLedger ledger;

    @Inject
    ProviderEvents events;

    @Inject
    TenantDirectory tenants;

    @Inject
    UserTransaction tx;

    @Resource
    ManagedExecutorService executor;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private List<String> newMessages(int count) throws Exception {
        tx.begin();
        List<String> ids = StoredMessages.store(requests, outbox, tenants.byUsername("demo").id(), count, MessageStatus.QUEUED, null);
        tx.commit();
        return ids;
    }

    private String newMessage() throws Exception {
        return newMessages(1).get(0);
    }

    private boolean apply(String id, MessageStatus status) throws Exception {
        tx.begin();
        StatusStore.Applied applied = ledger.apply(id, status, "IT",
                new ProviderReport(ProviderCode.valueOf("SMSPRO"), status.name(), null, "p-1"), null);
        tx.commit();
        return applied == StatusStore.Applied.APPLIED;
    }

    private Object column(String column, String id) {
        return em.createNativeQuery("SELECT " + column + " FROM message WHERE id = ?").setParameter(1, id).getSingleResult();
    }

    @Test
    void statusMovesOnlyForwardAndEveryReportIsRecorded() throws Exception {
        String id = newMessage();
        assertTrue(apply(id, MessageStatus.SUBMITTED));
        assertFalse(apply(id, MessageStatus.QUEUED), "backwards");
        assertFalse(apply(id, MessageStatus.SUBMITTED), "repeated");
        assertTrue(apply(id, MessageStatus.DELIVERED));
        assertFalse(apply(id, MessageStatus.UNDELIVERED), "after a final status");
        assertEquals("DELIVERED", column("status", id));
        @SuppressWarnings("unchecked")
        List<Object> applied = em.createNativeQuery("SELECT applied FROM status_change WHERE message_id = ? ORDER BY id")
                .setParameter(1, id).getResultList();
        assertEquals(List.of(true, true, false, false, true, false), applied);
    }

    @Test
    void aGroupOfReportsInOneBatchMovesEachMessageForwardOnlyAsOneByOneWould() throws Exception {
        List<String> ids = newMessages(2);
        String id = ids.get(0);
        List<MessageStatus> statuses = List.of(MessageStatus.SUBMITTED, MessageStatus.QUEUED, MessageStatus.SUBMITTED,
                MessageStatus.UNKNOWN, MessageStatus.DELIVERED, MessageStatus.UNDELIVERED, MessageStatus.SUBMITTED);
        List<StatusLedger.Report> reports = new ArrayList<>();
        for (MessageStatus status : statuses) {
            reports.add(new StatusLedger.Report(id, status, "IT", new ProviderReport(ProviderCode.valueOf("MYMSP"), status.name(), null, "g-1"), null));
        }
        reports.add(new StatusLedger.Report(ids.get(1), MessageStatus.EXPIRED, "IT", null, null));
        reports.add(new StatusLedger.Report(UUID.randomUUID().toString(), MessageStatus.DELIVERED, "IT", null, null));
        tx.begin();
        List<StatusStore.Applied> applied = ledger.applyAll(reports);
        tx.commit();
        StatusStore.Applied a = StatusStore.Applied.APPLIED;
        StatusStore.Applied r = StatusStore.Applied.RECORDED;
        assertEquals(List.of(a, r, r, a, a, r, r, a, StatusStore.Applied.UNKNOWN_MESSAGE), applied);
        assertEquals("DELIVERED", column("status", id));
        assertEquals("EXPIRED", column("status", ids.get(1)));
        assertNull(column("next_check_at", id), "a final status ends the checks");
        @SuppressWarnings("unchecked")
        List<Object> recorded = em.createNativeQuery("SELECT applied FROM status_change WHERE message_id = ? AND provider = 'MYMSP' "
                + "ORDER BY id").setParameter(1, id).getResultList();
        assertEquals(List.of(true, false, false, true, true, false, false), recorded);
    }

    @Test
    void anUnknownReportedByTheProviderIsAskedAboutAgainAndAFinalStatusEndsTheChecks() throws Exception {
        String id = newMessage();
        apply(id, MessageStatus.SUBMITTED);
        assertNull(column("next_check_at", id), "a report of a message not yet dispatched sets no check of its own");
        assertTrue(apply(id, MessageStatus.UNKNOWN));
        assertNotNull(column("next_check_at", id), "an UNKNOWN is resolved only by asking: it is checked again");
        assertTrue(apply(id, MessageStatus.DELIVERED));
        assertNull(column("next_check_at", id), "final: no more checks");
    }

    @Test
    void theDeadlineEndsTheChecksOfAnOpenMessageButNeverOverwritesAFinalOne() throws Exception {
        List<String> ids = newMessages(2);
        String open = ids.get(0);
        String delivered = ids.get(1);
        apply(open, MessageStatus.SUBMITTED);
        apply(delivered, MessageStatus.SUBMITTED);
        // the checks read both as open; a report then makes one final before the deadline is written
        assertTrue(apply(delivered, MessageStatus.DELIVERED));
        tx.begin();
        statuses.endChecks(open, new Reason("UNRESOLVED", "no news"), "DEADLINE");
        statuses.endChecks(delivered, new Reason("UNRESOLVED", "no news"), "DEADLINE");
        tx.commit();
        assertEquals("UNRESOLVED", column("reason_code", open));
        assertNull(column("reason_code", delivered), "a final status keeps its own reason");
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM status_change WHERE message_id = ? "
                + "AND source = 'DEADLINE'").setParameter(1, delivered).getSingleResult()).longValue());
    }

    @Test
    void dispatchClaimsAMessageOnce() throws Exception {
        String id = newMessage();
        tx.begin();
        assertTrue(outbox.claim(id).isPresent());
        ledger.apply(id, MessageStatus.SUBMITTED, "IT", null, null);
        tx.commit();
        tx.begin();
        assertTrue(outbox.claim(id).isEmpty(), "a second delivery of its JMS message changes nothing");
        tx.commit();
    }

    @Test
    void aConcurrentClaimWaitsForTheFirstAndThenFindsTheMessageGone() throws Exception {
        String id = newMessage();
        tx.begin();
        ClaimedMessage claimed = outbox.claim(id).orElseThrow();
        Future<Boolean> second = executor.submit(() -> {
            tx.begin();
            try {
                return outbox.claim(id).isPresent();
            } finally {
                tx.commit();
            }
        });
        Thread.sleep(500);
        assertFalse(second.isDone(), "the second claim waits for the first one's row lock");
        assertTrue(outbox.dispatched(claimed, null, new StatusUpdate(MessageStatus.SUBMITTED, "IT", null, null, null)));
        tx.commit();
        assertFalse(second.get(10, TimeUnit.SECONDS), "then finds the message no longer waiting: sent once");
    }

    @Test
    void aConcurrentClaimThatOpensTheAttemptWaitsForTheFirstAndThenFindsTheAttemptOpen() throws Exception {
        String id = newMessage();
        tx.begin();
        ClaimedMessage claimed = outbox.claimOpening(id, "it-node/first", Instant.now()).orElseThrow();
        assertEquals(0, claimed.attempts(), "the attempts before this one");
        Future<Boolean> second = executor.submit(() -> {
            tx.begin();
            try {
                return outbox.claimOpening(id, "it-node/second", Instant.now()).isPresent();
            } finally {
                tx.commit();
            }
        });
        Thread.sleep(500);
        assertFalse(second.isDone(), "the second claim waits for the first one's row lock");
        tx.commit();
        assertFalse(second.get(10, TimeUnit.SECONDS), "then finds the attempt open: sent once");
        assertEquals("it-node/first", em.createNativeQuery("SELECT attempt_owner FROM message WHERE id = ?").setParameter(1, id)
                .getSingleResult());
        assertEquals(1, ((Number) em.createNativeQuery("SELECT attempts FROM message WHERE id = ?").setParameter(1, id)
                .getSingleResult()).intValue());
        tx.begin();
        outbox.dispatched(claimed, null, new StatusUpdate(MessageStatus.SUBMITTED, "IT", null, null, null));
        tx.commit();
    }

    @Test
    void aReportThatArrivesWhileDispatchHoldsTheMessageWaitsAndThenAppliesInOrder() throws Exception {
        String id = newMessage();
        tx.begin();
        ClaimedMessage claimed = outbox.claim(id).orElseThrow();
        Future<StatusStore.Applied> report = executor.submit(() -> {
            tx.begin();
            try {
                return ledger.apply(id, MessageStatus.DELIVERED, "IT", null, null);
            } finally {
                tx.commit();
            }
        });
        Thread.sleep(500);
        assertFalse(report.isDone(), "the report waits for the dispatch's row lock");
        outbox.dispatched(claimed, new Handover(ProviderCode.valueOf("SMSPRO"), 1), new StatusUpdate(MessageStatus.SUBMITTED,
                "DISPATCH", new ProviderReport(ProviderCode.valueOf("SMSPRO"), "0", null, "mc-1"), null, null));
        tx.commit();
        assertEquals(StatusStore.Applied.APPLIED, report.get(10, TimeUnit.SECONDS));
        assertEquals("DELIVERED", column("status", id));
        assertEquals("mc-1", column("provider_message_id", id));
    }

    @Test
    void aReportBeforeTheProvidersAnswerKeepsItsStatusAndTheAnswerStillNamesTheAccountAndTheChecks() throws Exception {
        String id = newMessage();
        tx.begin();
        ClaimedMessage claimed = outbox.claim(id).orElseThrow();
        tx.commit();
        apply(id, MessageStatus.SUBMITTED); // pushed before the answer to the request came back
        tx.begin();
        boolean moved = outbox.dispatched(claimed, new Handover(ProviderCode.valueOf("SMSPRO"), 1),
                new StatusUpdate(MessageStatus.SUBMITTED, "DISPATCH", new ProviderReport(ProviderCode.valueOf("SMSPRO"), "0", null, "mc-early"),
                        null, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10)));
        tx.commit();
        assertFalse(moved);
        assertEquals("SUBMITTED", column("status", id));
        assertEquals("p-1", column("provider_message_id", id), "the report's id stays");
        assertNotNull(column("next_check_at", id), "asked about, should the final report never come");
    }

    @Test
    void theProviderPortMatchesReportsByOurIdOrTheProvidersAndTakesAGroupInOneCall() throws Exception {
        List<String> ids = newMessages(3);
        tx.begin();
        for (String id : ids.subList(0, 2)) {
            ClaimedMessage claimed = outbox.claim(id).orElseThrow();
            outbox.dispatched(claimed, new Handover(ProviderCode.valueOf("SMSPRO"), 1), new StatusUpdate(MessageStatus.SUBMITTED,
                    "DISPATCH", new ProviderReport(ProviderCode.valueOf("SMSPRO"), "0", null, "shared-" + ids.get(0)), null, null));
        }
        tx.commit();
        List<ReportResult> results = events.reports(List.of(
                new DeliveryReport(MessageRef.theirs(ProviderCode.valueOf("SMSPRO"), "shared-" + ids.get(0)), MessageStatus.DELIVERED,
                        new ProviderReport(ProviderCode.valueOf("SMSPRO"), "0", "0", "shared-" + ids.get(0)), "IT"),
                new DeliveryReport(MessageRef.ours(ids.get(2)), MessageStatus.UNDELIVERED, null, "IT"),
                new DeliveryReport(MessageRef.ours(ids.get(2)), MessageStatus.DELIVERED, null, "IT"),
                new DeliveryReport(MessageRef.theirs(ProviderCode.valueOf("SMSPRO"), "nobody's"), MessageStatus.DELIVERED, null, "IT"),
                new DeliveryReport(MessageRef.theirs(ProviderCode.valueOf("MOBIPACE"), "shared-" + ids.get(0)), MessageStatus.DELIVERED,
                        null, "IT")));
        assertEquals(List.of(ReportResult.APPLIED, ReportResult.APPLIED, ReportResult.RECORDED, ReportResult.UNKNOWN_MESSAGE,
                ReportResult.UNKNOWN_MESSAGE), results);
        assertEquals("DELIVERED", column("status", ids.get(0)), "both messages of the one request");
        assertEquals("DELIVERED", column("status", ids.get(1)));
        assertEquals("UNDELIVERED", column("status", ids.get(2)), "the first of two reports for one message decides");
    }

    @Test
    void aDeclinedChargeRejectsTheMessageWithTheProvidersReason() throws Exception {
        String declined = newMessage();
        String approved = newMessage();
        assertEquals(ReportResult.APPLIED, events.billing(new BillingReport(MessageRef.ours(declined),
                BillingReport.Outcome.DECLINED, "103", "The end-user account balance is low", null, null)));
        assertEquals(ReportResult.APPLIED, events.billing(new BillingReport(MessageRef.ours(approved),
                BillingReport.Outcome.APPROVED, null, null, null, null)));
        assertEquals("REJECTED", column("status", declined));
        assertEquals("BILLING_DECLINED", column("reason_code", declined));
        assertEquals("SUBMITTED", column("status", approved), "charged: the provider holds it");
    }

    @Test
    void anInboundMessageIsStoredOnceHoweverOftenItIsDelivered() throws Exception {
        String providerId = "mo-" + UUID.randomUUID();
        InboundMessage mo = new InboundMessage(ProviderCode.valueOf("SMSPRO"), 0, providerId, "+46708331536", "72456", "Räksmörgås",
                null, OffsetDateTime.now(ZoneOffset.UTC), null, false);
        assertEquals(ProviderEvents.InboundResult.STORED, events.inbound(mo));
        assertEquals(ProviderEvents.InboundResult.DUPLICATE, events.inbound(mo));
        assertEquals(1L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM inbound_message WHERE provider_message_id = ?")
                .setParameter(1, providerId).getSingleResult()).longValue());
        assertEquals("Räksmörgås", em.createNativeQuery("SELECT text_body FROM inbound_message WHERE provider_message_id = ?")
                .setParameter(1, providerId).getSingleResult());
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
