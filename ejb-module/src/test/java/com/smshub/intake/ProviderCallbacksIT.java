package com.smshub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import com.smshub.dispatch.control.AttemptOwner;
import com.smshub.intake.boundary.ProviderCallbacks;
import com.smshub.kernel.Callback;
import com.smshub.kernel.CallbackAnswer;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.message.ClaimedMessage;
import com.smshub.message.Handover;
import com.smshub.message.Outbox;
import com.smshub.message.StatusUpdate;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.CallbackUrls;
import com.smshub.provider.spi.Settings;
import com.smshub.sending.control.SendRequests;
import com.smshub.status.control.StatusLedger;
import com.smshub.tenant.control.TenantDirectory;

/**
 * A push is answered only once what it said is committed, and what it said commits on its own: a caller's
 * transaction around the callback entry point (a servlet filter, an interceptor that someone adds one day)
 * neither holds the answer's commit back nor takes it down when it rolls back. That is why
 * {@link ProviderCallbacks#receive} runs outside any transaction: reports are committed in groups with other
 * pushes' reports, and a group must never commit or roll back with one caller.
 */
@ExtendWith(ArquillianExtension.class)
class ProviderCallbacksIT {

    private static final ProviderCode SMSPRO = ProviderCode.valueOf("SMSPRO");

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("callbacks-it");
    }

    @Inject
    ProviderCallbacks callbacks;

    @Inject
    SendRequests requests;

    @Inject
    Outbox outbox;

    @Inject
    StatusLedger ledger;

    @Inject
    TenantDirectory tenants;

    @Inject
    UserTransaction tx;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    @Resource
    ManagedThreadFactory threads;

    /** An SMS Pro account as the callback servlet hands it over once the push is authenticated to it. */
    private final Account account = new Account(1, "callbacks-it", SMSPRO, "http://127.0.0.1:9/services/CUSTOMER/",
            "CUSTOMER", "unused", Settings.of(Map.of()), null);

    /** Messages as dispatch leaves them at SMS Pro: SUBMITTED, each committed. */
    private List<String> submitted(int count) throws Exception {
        tx.begin();
        List<String> ids = StoredMessages.store(requests, outbox, tenants.byUsername("demo").id(), count, MessageStatus.QUEUED, null);
        tx.commit();
        for (String id : ids) {
            tx.begin();
            ledger.apply(id, MessageStatus.SUBMITTED, "IT", new ProviderReport(SMSPRO, "0", null, "mc-" + id), null);
            tx.commit();
        }
        return ids;
    }

    /** SMS Pro's report (section 6.9) to the address the message was sent with, its token included. */
    private Callback delivered(String messageId) {
        String token = CallbackUrls.token(account.name(), messageId);
        String body = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <mobilectrl_delivery_status>
                  <mobilectrl_id>mc-%s</mobilectrl_id>
                  <status>0</status>
                  <delivery_status since="20210217144142">0</delivery_status>
                  <message>SMS SENT</message>
                </mobilectrl_delivery_status>""".formatted(messageId);
        return new Callback("POST", "/status/" + messageId, Map.of("token", List.of(token)),
                Map.of("content-type", "text/xml; charset=ISO-8859-1"), body.getBytes(StandardCharsets.ISO_8859_1), "127.0.0.1");
    }

    private String status(String id) {
        return (String) em.createNativeQuery("SELECT status FROM message WHERE id = ?").setParameter(1, id).getSingleResult();
    }

    @Test
    void aReportPushedInsideACallersTransactionIsCommittedWhenTheCallerRollsBack() throws Exception {
        List<String> ids = submitted(2);

        tx.begin();
        CallbackAnswer first = callbacks.receive(account, delivered(ids.get(0)));
        assertEquals("DELIVERED", status(ids.get(0)), "committed before the answer: visible to the caller's transaction too");
        tx.rollback();

        assertEquals(200, first.status());
        assertEquals("DELIVERED", status(ids.get(0)), "the caller's rollback took nothing of the push with it");
        assertEquals("SUBMITTED", status(ids.get(1)), "no other message moved");

        tx.begin();
        CallbackAnswer second = callbacks.receive(account, delivered(ids.get(1)));
        tx.commit();
        assertEquals(200, second.status());
        assertEquals("DELIVERED", status(ids.get(1)));
        assertEquals(1L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM status_change WHERE message_id = ? AND status = 'DELIVERED'")
                .setParameter(1, ids.get(0)).getSingleResult()).longValue(), "recorded once");
    }

    /**
     * Pushes that come together are committed in one group (ReportGroups). When the group's commit fails because of
     * one of them (here the database refuses one message's DELIVERED, as it would a write it cannot take), the
     * others are still committed and answered, the one push fails (the callback servlet answers it 500, so the
     * provider pushes it again) with nothing of it written, and its next push is recorded, once.
     */
    @Test
    void aPushThatFailsItsGroupsCommitFailsAloneAndIsRecordedWhenPushedAgain() throws Exception {
        int pushes = 12;
        List<String> ids = submitted(pushes);
        String refused = ids.get(pushes / 2);
        alter("ALTER TABLE message ADD CONSTRAINT it_push_refused CHECK (status <> 'DELIVERED' OR id <> '" + refused + "')");
        List<CompletableFuture<CallbackAnswer>> answers = new ArrayList<>();
        try {
            CyclicBarrier together = new CyclicBarrier(pushes);
            for (String id : ids) {
                CompletableFuture<CallbackAnswer> answer = new CompletableFuture<>();
                answers.add(answer);
                threads.newThread(() -> {
                    try {
                        together.await(30, TimeUnit.SECONDS);
                        answer.complete(callbacks.receive(account, delivered(id)));
                    } catch (Throwable e) {
                        answer.completeExceptionally(e);
                    }
                }).start();
            }
            CompletableFuture.allOf(answers.stream().map(a -> a.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
                    .get(90, TimeUnit.SECONDS);
        } finally {
            alter("ALTER TABLE message DROP CONSTRAINT it_push_refused");
        }

        for (int i = 0; i < pushes; i++) {
            String id = ids.get(i);
            if (id.equals(refused)) {
                Throwable failure = assertInstanceOf(Throwable.class, answers.get(i).handle((a, e) -> e).get(),
                        "the push whose write the database refused fails, so the servlet answers 500");
                assertEquals("SUBMITTED", status(id), "nothing of it written: " + failure);
                assertEquals(0L, deliveredRows(id));
            } else {
                assertEquals(200, answers.get(i).get().status(), "answered: " + id);
                assertEquals("DELIVERED", status(id), "committed although a push of its group failed");
                assertEquals(1L, deliveredRows(id));
            }
        }

        CallbackAnswer again = callbacks.receive(account, delivered(refused));
        assertEquals(200, again.status(), "SMS Pro's next push of the same report");
        assertEquals("DELIVERED", status(refused));
        assertEquals(1L, deliveredRows(refused), "recorded once");
    }

    /**
     * SMS Pro pushes a report 100 ms after it answers the send, so its push may be committed before the dispatch
     * records that answer. The push proves SMS Pro took the message: the history and the feed still read QUEUED,
     * SUBMITTED, DELIVERED, and the outcome recorded after it changes no status but is learned (the provider's id,
     * the attempt closed). Before, the history went from QUEUED to DELIVERED (RoutingEndToEndIT saw it once).
     */
    @Test
    void aReportPushedBeforeTheDispatchRecordsItsOutcomeLeavesSubmittedInTheHistory() throws Exception {
        tx.begin();
        String id = StoredMessages.store(requests, outbox, tenants.byUsername("demo").id(), 1, MessageStatus.QUEUED, null).get(0);
        tx.commit();
        tx.begin();
        ClaimedMessage claimed = outbox.claimOpening(id, AttemptOwner.ME, Instant.now()).orElseThrow();
        tx.commit();

        CallbackAnswer pushed = callbacks.receive(account, delivered(id));

        assertEquals(200, pushed.status());
        assertEquals("DELIVERED", status(id));
        tx.begin();
        boolean moved = outbox.dispatched(claimed, new Handover(SMSPRO, 1), new StatusUpdate(MessageStatus.SUBMITTED, "DISPATCH",
                new ProviderReport(SMSPRO, "0", null, "mc-" + id), null, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5)));
        tx.commit();

        assertFalse(moved, "the outcome came second: DELIVERED stays");
        assertEquals("DELIVERED", status(id));
        assertEquals(List.of("QUEUED", "SUBMITTED", "DELIVERED"), em.createNativeQuery(
                "SELECT status FROM status_change WHERE message_id = ? AND applied = TRUE ORDER BY id").setParameter(1, id)
                .getResultList(), "the history as GetMessageStatus and the feed read it");
        Object[] row = (Object[]) em.createNativeQuery("SELECT provider_message_id, attempt_started_at FROM message WHERE id = ?")
                .setParameter(1, id).getSingleResult();
        assertEquals("mc-" + id, row[0], "the provider's id learned from the outcome");
        assertNull(row[1], "the attempt closed");

        CallbackAnswer again = callbacks.receive(account, delivered(id));
        assertEquals(200, again.status());
        assertEquals(1L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM status_change WHERE message_id = ? "
                + "AND status = 'SUBMITTED' AND applied = TRUE").setParameter(1, id).getSingleResult()).longValue(),
                "a repeated push adds no SUBMITTED");
    }

    private long deliveredRows(String id) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM status_change WHERE message_id = ? AND status = 'DELIVERED'")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    private void alter(String ddl) throws Exception {
        tx.begin();
        em.joinTransaction();
        em.createNativeQuery(ddl).executeUpdate();
        tx.commit();
    }
}
