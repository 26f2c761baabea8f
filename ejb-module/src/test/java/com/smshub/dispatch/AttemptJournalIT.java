package com.smshub.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;
import com.smshub.StoredMessages;
import com.smshub.dispatch.boundary.DispatchAttempt;
import com.smshub.dispatch.control.AttemptOwner;
import com.smshub.dispatch.control.Dispatcher;
import com.smshub.dispatch.control.InterruptedAttempts;
import com.smshub.fakes.FakeSendingProvider;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.message.Attempts;
import com.smshub.message.Outbox;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.ProviderEvents.ReportResult;
import com.smshub.routing.boundary.RoutingAdministration;
import com.smshub.routing.entity.AccountDefinition;
import com.smshub.routing.entity.AmbiguityPolicy;
import com.smshub.routing.entity.RouteDefinition;
import com.smshub.sending.control.SendRequests;
import com.smshub.tenant.control.TenantDirectory;

/**
 * Dispatch's attempt journal inside the provisioned WildFly, on the real database, against a provider that
 * counts every arrival (FakeSendingProvider, standing in for MOBIPACE): an attempt cut off before its outcome was
 * recorded is resolved by the account's policy and never sent again blindly, and an outcome the database refuses
 * to record leaves the message UNKNOWN, never queued for a second send.
 */
@ExtendWith(ArquillianExtension.class)
class AttemptJournalIT {

    /** Not "it-..." (other tests delete those accounts), since its messages stay: disabled after each test. */
    private static final String ACCOUNT = "journal-it";
    private static final String PREFIX = "+4799988";

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModuleAdministeredUnchecked("attempt-journal-it")
                .deleteClass("com.smshub.provider.mobipace.MobipaceAdapter").addClasses(FakeSendingProvider.class);
    }

    @Inject
    FakeSendingProvider provider;

    @EJB
    DispatchAttempt dispatch;

    @EJB
    RoutingAdministration routing;

    @Inject
    InterruptedAttempts interrupted;

    @Inject
    Attempts attempts;

    @Inject
    ProviderEvents events;

    @Inject
    Outbox outbox;

    @Inject
    SendRequests requests;

    @Inject
    TenantDirectory tenants;

    @Inject
    UserTransaction tx;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private Long route;

    private long account(AmbiguityPolicy policy) {
        routing.saveAccount(ACCOUNT, new AccountDefinition(ProviderCode.valueOf("MOBIPACE"), "https://fake.example/api", "it", "it-pw",
                true, null, null, Map.of(), null, policy));
        if (route == null) {
            route = routing.addRoute(new RouteDefinition(null, PREFIX, null, ACCOUNT, 0, false, false, null, true)).id();
        }
        return ((Number) em.createNativeQuery("SELECT id FROM provider_account WHERE name = ?").setParameter(1, ACCOUNT)
                .getSingleResult()).longValue();
    }

    @AfterEach
    void removeRoute() {
        if (route != null) {
            routing.removeRoute(route);
            route = null;
            routing.saveAccount(ACCOUNT, new AccountDefinition(ProviderCode.valueOf("MOBIPACE"), "https://fake.example/api", "it", "it-pw",
                    false, null, null, Map.of(), null, null));
        }
    }

    /** A message to this test's route, stored QUEUED and not due: only the test dispatches it. */
    private String stored(long account, String recipient) {
        return StoredMessages.store(requests, outbox, tenants.byUsername("demo").id(), 1, MessageStatus.QUEUED, recipient,
                ProviderCode.valueOf("MOBIPACE"), account).get(0);
    }

    /** A message stored with its attempt already open, as a dispatcher that is gone left it, in one transaction. */
    private String cutOff(long account, String owner) throws Exception {
        tx.begin();
        String id = stored(account, PREFIX + "0001");
        attempts.open(List.of(outbox.claim(id).orElseThrow()), account, owner, Instant.now());
        tx.commit();
        return id;
    }

    /** What the dispatch sweeper does every few seconds, now. */
    private void resolve() throws Exception {
        tx.begin();
        interrupted.resolve(1000);
        tx.commit();
    }

    private Object column(String column, String id) {
        return em.createNativeQuery("SELECT " + column + " FROM message WHERE id = ?").setParameter(1, id).getSingleResult();
    }

    private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 15 s; last " + value);
            }
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }

    @Test
    void anAttemptCutOffByAnEarlierBootIsHeldUnknownAndNeverSentAgain() throws Exception {
        long account = account(AmbiguityPolicy.HOLD);
        String id = cutOff(account, AttemptOwner.NODE + "/an-earlier-boot");
        dispatch.dispatch(List.of(id));
        assertEquals(0, provider.arrivals(id), "an attempt under way is not claimed again");
        resolve(); // or the sweeper did, as it does every few seconds
        assertEquals("UNKNOWN", column("status", id));
        assertEquals("ATTEMPT_INTERRUPTED", column("reason_code", id));
        assertEquals("MOBIPACE", column("provider", id), "at the account it went to, where a later report finds it");
        assertNull(column("attempt_started_at", id), "resolved: the attempt is closed");
        assertNotNull(column("next_check_at", id), "asked about where the provider answers by our id");
        dispatch.dispatch(List.of(id));
        assertEquals(0, provider.arrivals(id), "held: never sent again");
        assertEquals(1L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM status_change WHERE message_id = ? "
                + "AND source = 'ATTEMPT_JOURNAL' AND status = 'UNKNOWN'").setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void withTheResendPolicyACutOffAttemptIsSentAgainOnce() throws Exception {
        long account = account(AmbiguityPolicy.RESEND);
        String id = cutOff(account, AttemptOwner.NODE + "/an-earlier-boot");
        resolve();
        // back in the outbox: the relay queues it and dispatch sends it
        await(() -> column("status", id), "SUBMITTED"::equals);
        assertEquals(1, provider.arrivals(id));
        assertEquals(2, ((Number) column("attempts", id)).intValue(), "the second attempt");
        assertEquals(1L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM status_change WHERE message_id = ? "
                + "AND code = 'ATTEMPT_RESENT'").setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void withTheResendPolicyAMessageThatUsedItsAttemptsIsHeldNotSentAgain() throws Exception {
        long account = account(AmbiguityPolicy.RESEND);
        String id = cutOff(account, AttemptOwner.NODE + "/an-earlier-boot");
        tx.begin();
        // as though this cut-off attempt were its fifth (smshub.dispatch.most-attempts)
        em.createNativeQuery("UPDATE message SET attempts = 5 WHERE id = ?").setParameter(1, id).executeUpdate();
        tx.commit();
        resolve();
        assertEquals("UNKNOWN", column("status", id), "the bound reached: held as with HOLD");
        assertEquals("ATTEMPT_INTERRUPTED", column("reason_code", id));
        Thread.sleep(1500); // the relay's turn, had it been queued again
        assertEquals(0, provider.arrivals(id), "never sent a sixth time");
    }

    @Test
    void anAttemptOfALiveDispatcherIsLeftToIt() throws Exception {
        long account = account(AmbiguityPolicy.HOLD);
        String mine = cutOff(account, AttemptOwner.ME);
        String anotherNodes = cutOff(account, "another-node/its-boot");
        resolve();
        for (String id : List.of(mine, anotherNodes)) {
            assertEquals("QUEUED", column("status", id), "young and owned by someone alive: left alone");
            assertNotNull(column("attempt_started_at", id));
        }
        // cleaned up as the stale bound would, long after
        tx.begin();
        attempts.close(List.of(mine, anotherNodes));
        em.joinTransaction();
        em.createNativeQuery("UPDATE message SET status = 'FAILED' WHERE id IN (?, ?)").setParameter(1, mine)
                .setParameter(2, anotherNodes).executeUpdate();
        tx.commit();
    }

    /** Makes the record of this recipient's submission fail, as a write too long for its column did. */
    private void refuseSubmissionTo(String constraint, String recipient) throws Exception {
        alter("ALTER TABLE message ADD CONSTRAINT " + constraint + " CHECK (status <> 'SUBMITTED' OR recipient <> '"
                + recipient + "')");
    }

    private void alter(String ddl) throws Exception {
        tx.begin();
        em.joinTransaction();
        em.createNativeQuery(ddl).executeUpdate();
        tx.commit();
    }

    @Test
    void anOutcomeTheDatabaseRefusesLeavesTheMessageUnknownAndItIsNeverSentAgain() throws Exception {
        long account = account(AmbiguityPolicy.RESEND); // even where a duplicate is preferred: the provider answered
        String recipient = PREFIX + "0666";
        refuseSubmissionTo("it_outcome_refused", recipient);
        try {
            String id = stored(account, recipient);
            dispatch.dispatch(List.of(id));
            assertEquals(1, provider.arrivals(id), "the provider took it");
            assertEquals("UNKNOWN", column("status", id));
            assertEquals("OUTCOME_NOT_RECORDED", column("reason_code", id));
            assertNull(column("attempt_started_at", id));
            // a redelivery of its JMS message, the sweeper, the resolver: none sends it again
            dispatch.dispatch(List.of(id));
            resolve();
            dispatch.dispatch(List.of(id));
            assertEquals(1, provider.arrivals(id), "never sent a second time");

            // it keeps the id the provider answered with, so the provider's report still settles it
            String theirs = (String) column("provider_message_id", id);
            assertNotNull(theirs, "the provider's id kept with the hold");
            assertEquals(List.of(ReportResult.APPLIED), events.reports(List.of(new DeliveryReport(
                    MessageRef.theirs(ProviderCode.valueOf("MOBIPACE"), theirs), MessageStatus.DELIVERED, null, "IT"))));
            assertEquals("DELIVERED", column("status", id));
            assertEquals(1, provider.arrivals(id));
        } finally {
            alter("ALTER TABLE message DROP CONSTRAINT it_outcome_refused");
        }
    }

    @Test
    void dispatchesInARunOpenEachAttemptOnlyWhileItsOwnCallIsUnderWay() throws Exception {
        long account = account(AmbiguityPolicy.HOLD);
        List<String> ids = List.of(stored(account, PREFIX + "0101"), stored(account, PREFIX + "0102"),
                stored(account, PREFIX + "0103"));
        // read in a transaction of its own while each message is with the provider: which of the run have attempts open
        provider.whileSending(sending -> em.createNativeQuery("SELECT id FROM message WHERE id IN (?, ?, ?) "
                + "AND attempt_started_at IS NOT NULL").setParameter(1, ids.get(0)).setParameter(2, ids.get(1))
                .setParameter(3, ids.get(2)).getResultList());
        try {
            Dispatcher.Run run = dispatch.dispatchAll(ids.stream().map(List::of).toList(), () -> true);
            assertEquals(3, run.taken());
            assertEquals(List.of(), run.failed());
            for (String id : ids) {
                assertEquals(List.of(id), provider.seen(id), "its own attempt open while it is sent, no other");
                assertEquals(1, provider.arrivals(id));
                assertEquals("SUBMITTED", column("status", id));
                assertNull(column("attempt_started_at", id), "closed by its outcome");
                assertEquals(1, ((Number) column("attempts", id)).intValue());
            }
        } finally {
            provider.whileSending(null);
        }
    }

    @Test
    void aRunStopsTakingOnDispatchesOutOfTimeAndLeavesThemWaiting() throws Exception {
        long account = account(AmbiguityPolicy.HOLD);
        List<String> ids = List.of(stored(account, PREFIX + "0201"), stored(account, PREFIX + "0202"));
        Dispatcher.Run run = dispatch.dispatchAll(ids.stream().map(List::of).toList(), () -> false);
        assertEquals(1, run.taken(), "the first always goes, the rest are the caller's to queue again");
        assertEquals("SUBMITTED", column("status", ids.get(0)));
        assertEquals("QUEUED", column("status", ids.get(1)));
        assertNull(column("attempt_started_at", ids.get(1)), "no attempt opened for what was not taken on");
        assertEquals(0, provider.arrivals(ids.get(1)));
        dispatch.dispatch(List.of(ids.get(1))); // as the queue would, later
    }

    @Test
    void anOutcomeRefusedInTheMiddleOfARunHoldsThatMessageAndTheOthersGoOnce() throws Exception {
        long account = account(AmbiguityPolicy.RESEND);
        String refusedTo = PREFIX + "0667";
        // its record shares its commit with the next message's attempt
        refuseSubmissionTo("it_outcome_refused_in_run", refusedTo);
        try {
            List<String> ids = List.of(stored(account, PREFIX + "0301"), stored(account, refusedTo),
                    stored(account, PREFIX + "0302"));
            Dispatcher.Run run = dispatch.dispatchAll(ids.stream().map(List::of).toList(), () -> true);
            assertEquals(3, run.taken());
            assertEquals(List.of(), run.failed());
            assertEquals("SUBMITTED", column("status", ids.get(0)));
            assertEquals("UNKNOWN", column("status", ids.get(1)));
            assertEquals("OUTCOME_NOT_RECORDED", column("reason_code", ids.get(1)));
            assertEquals("SUBMITTED", column("status", ids.get(2)), "its attempt opened on its own after the shared commit failed");
            for (String id : ids) {
                assertEquals(1, provider.arrivals(id), "sent once");
                assertNull(column("attempt_started_at", id));
            }
            dispatch.dispatchAll(ids.stream().map(List::of).toList(), () -> true); // a redelivery of their JMS message
            for (String id : ids) {
                assertEquals(1, provider.arrivals(id), "never sent a second time");
            }
        } finally {
            alter("ALTER TABLE message DROP CONSTRAINT it_outcome_refused_in_run");
        }
    }
}
