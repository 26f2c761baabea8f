package com.smshub.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

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
import com.smshub.fakes.FakeSessionProvider;
import com.smshub.kernel.ProviderCode;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.routing.entity.ProviderAccount;

/**
 * The server owns long-lived provider sessions: opened once the account is enabled, kept alive, opened again
 * when one dies or its account is reconfigured, left to another node that holds the lease and taken back
 * when that lease expires, closed and its lease given up when the account is disabled. Against a provider
 * whose sessions the test controls (FakeSessionProvider, standing in for myMSP, whose own adapter this
 * deployment leaves out); the
 * keeper ticks every 500 ms here (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class SessionKeeperIT {

    private static final String NAME = "it-session";
    private static final String SLOW = "it-session-slow";

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("session-it")
                .deleteClass("com.smshub.provider.mymsp.MyMspAdapter").addClasses(FakeSessionProvider.class, FakeSessionProvider.FakeSession.class);
    }

    @Inject
    FakeSessionProvider fake;

    @Inject
    AccountDirectory accounts;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @AfterEach
    void removeAccount() throws Exception {
        tx.begin();
        em.createNativeQuery("DELETE FROM provider_session WHERE account_id IN (SELECT id FROM provider_account WHERE name = ?)")
                .setParameter(1, NAME).executeUpdate();
        em.createNativeQuery("DELETE FROM provider_session WHERE account_id IN (SELECT id FROM provider_account WHERE name = ?)")
                .setParameter(1, SLOW).executeUpdate();
        em.createQuery("DELETE FROM ProviderAccount a WHERE a.name IN (:names)").setParameter("names", java.util.List.of(NAME, SLOW))
                .executeUpdate();
        tx.commit();
        accounts.reload();
        fake.reset();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 15 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private long configure(String endpoint, boolean enabled) throws Exception {
        return configure(NAME, endpoint, enabled);
    }

    private long configure(String name, String endpoint, boolean enabled) throws Exception {
        tx.begin();
        ProviderAccount account = em.createNamedQuery(ProviderAccount.BY_NAME, ProviderAccount.class).setParameter("name", name)
                .getResultStream().findFirst().orElse(null);
        if (account == null) {
            account = new ProviderAccount(ProviderCode.valueOf("MYMSP"), name);
            account.configure(endpoint, "system-id", null, null, enabled, null, null, null);
            em.persist(account);
        } else {
            account.configure(endpoint, "system-id", null, null, enabled, null, null, null);
        }
        tx.commit();
        accounts.reload();
        return account.getId();
    }

    private Object[] lease(long account) {
        return (Object[]) em.createNativeQuery("SELECT holder, expires_at FROM provider_session WHERE account_id = ?")
                .setParameter(1, account).getSingleResult();
    }

    private Instant expiry(long account) {
        Object at = lease(account)[1];
        // as each database's driver answers a timestamp with time zone
        return at instanceof Instant instant ? instant
                : at instanceof java.time.OffsetDateTime time ? time.toInstant() : ((Timestamp) at).toInstant();
    }

    private void setLease(long account, String holder, Instant until) throws Exception {
        tx.begin();
        em.createNativeQuery("UPDATE provider_session SET holder = ?, expires_at = ? WHERE account_id = ?")
                .setParameter(1, holder).setParameter(2, Timestamp.from(until)).setParameter(3, account).executeUpdate();
        tx.commit();
    }

    @Test
    void oneNodeOwnsEachSessionFromOpeningToClosing() throws Exception {
        long account = configure("smpp://127.0.0.1:2775", true);
        await("the session opened", () -> fake.opened() == 1);
        String node = (String) lease(account)[0];
        assertEquals(System.getProperty("jboss.node.name"), node, "the lease is this node's");
        await("kept alive", () -> fake.keptAlive() >= 2);

        fake.last().kill();
        await("opened again after it died", () -> fake.opened() == 2);

        setLease(account, "another-node", Instant.now().plusSeconds(3600));
        await("closed while another node holds the lease", () -> !fake.last().isAlive());
        Thread.sleep(1500);
        assertEquals(2, fake.opened(), "not opened on this node while the other holds it");

        setLease(account, "another-node", Instant.now().minusSeconds(1));
        await("taken over once the other node's lease expired", () -> fake.opened() == 3);
        assertEquals(node, lease(account)[0]);

        configure("smpp://127.0.0.1:2776", true);
        await("opened afresh for the new configuration", () -> fake.opened() == 4);
        assertEquals("smpp://127.0.0.1:2776", fake.last().account().endpointUrl());
        assertFalse(fake.sessions().get(2).isAlive(), "the old configuration's session is closed");

        configure("smpp://127.0.0.1:2776", false);
        await("closed once the account is disabled", () -> !fake.last().isAlive());
        await("its lease given up", () -> lease(account)[0] == null);
        assertEquals(4, fake.opened());
    }

    @Test
    void aSessionThatWillNotOpenIsTriedAgainLessAndLessOften() throws Exception {
        fake.failOpening(true);
        configure("smpp://127.0.0.1:2775", true);
        Thread.sleep(4000);
        assertEquals(0, fake.opened());
        // ticks every 500 ms, but tries after 1, 2, 4 s: about 0.5, 1.5, 3.5 s in, not eight times
        assertTrue(fake.attempts() >= 2 && fake.attempts() <= 4, fake.attempts() + " attempts in 4 s");
        fake.failOpening(false);
        await("opened once the provider binds again", () -> fake.opened() == 1);
        assertTrue(fake.last().isAlive());
    }

    @Test
    void aSlowBindDelaysNoOtherAccountNorAnyLease() throws Exception {
        fake.slowOpening("smpp://127.0.0.1:2799", 8000);
        long slow = configure(SLOW, "smpp://127.0.0.1:2799", true);
        try {
            await("the slow account's bind under way", () -> fake.attempts() == 1);
            long account = configure("smpp://127.0.0.1:2775", true);
            await("the other account's session opened while the slow one still binds", () -> fake.opened() == 1);
            assertEquals("smpp://127.0.0.1:2775", fake.last().account().endpointUrl());
            // leases last three ticks (1.5 s here): renewed while the bind waits, the other account's and its own
            for (int i = 0; i < 4; i++) {
                Thread.sleep(1000);
                Instant now = Instant.now();
                assertTrue(expiry(account).isAfter(now), "the other account's lease is current");
                assertTrue(expiry(slow).isAfter(now), "the binding account's lease is current");
            }
            assertEquals(2, fake.attempts(), "one bind at a time an account, however long it takes");
        } finally {
            // the bind ends before the next test counts sessions
            await("the slow bind done", () -> fake.opened() == 2);
        }
    }
}
