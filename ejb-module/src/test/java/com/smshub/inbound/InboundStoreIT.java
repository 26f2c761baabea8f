package com.smshub.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;
import com.smshub.inbound.control.InboundStore;
import com.smshub.kernel.Counters;
import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.ProviderEvents.Concatenation;
import com.smshub.routing.entity.ProviderAccount;

/**
 * How messages from subscribers are told apart on the real database: by the provider's id within an account;
 * where the provider gives none (SMPP), by content within a sliding window (120 s), with no fixed slot whose
 * boundary a redelivery could cross; and parts of long messages that never completed are dropped after their
 * bound (an hour), never joined with a later message that reuses the reference.
 */
@ExtendWith(ArquillianExtension.class)
class InboundStoreIT {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-12-03T09:59:50Z");

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("inbound-store-it");
    }

    @Inject
    InboundStore store;

    @Inject
    UserTransaction tx;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private final List<Long> accounts = new ArrayList<>();

    @BeforeEach
    void accounts() throws Exception {
        tx.begin();
        for (String name : List.of("it-inbound-a", "it-inbound-b")) {
            ProviderAccount account = new ProviderAccount(ProviderCode.valueOf("MYMSP"), name);
            account.configure("smpp://127.0.0.1:9", "it", null, null, false, null, null, null);
            em.persist(account);
            em.flush();
            accounts.add(account.getId());
        }
        tx.commit();
    }

    @AfterEach
    void removeAccounts() throws Exception {
        tx.begin();
        for (Long id : accounts) {
            em.createNativeQuery("DELETE FROM inbound_message WHERE provider_account_id = ?").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM inbound_part WHERE provider_account_id = ?").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM provider_account WHERE id = ?").setParameter(1, id).executeUpdate();
        }
        tx.commit();
        accounts.clear();
    }

    private static InboundMessage message(long account, String id, String text, OffsetDateTime at) {
        return new InboundMessage(ProviderCode.valueOf("MYMSP"), account, id, "+4791234567", "2020", text, null, at, null, false);
    }

    private Optional<Long> stored(InboundMessage message) throws Exception {
        tx.begin();
        try {
            return store.store(message);
        } finally {
            tx.commit();
        }
    }

    private InboundStore.PartResult part(InboundMessage message, Concatenation concatenation) throws Exception {
        tx.begin();
        try {
            return store.storePart(message, concatenation);
        } finally {
            tx.commit();
        }
    }

    private List<?> texts(long account) {
        return em.createNativeQuery("SELECT text_body FROM inbound_message WHERE provider_account_id = ? ORDER BY id")
                .setParameter(1, account).getResultList();
    }

    @Test
    void aProvidersIdIsUniqueWithinItsAccountOnly() throws Exception {
        long a = accounts.get(0);
        long b = accounts.get(1);
        assertTrue(stored(message(a, "4711", "YES", T)).isPresent());
        assertTrue(stored(message(a, "4711", "YES", T.plusDays(1))).isEmpty(), "the provider's id again: a repeat, whenever");
        assertTrue(stored(message(b, "4711", "NO", T)).isPresent(), "the same id on another account is another message");
        assertEquals(List.of("YES"), texts(a));
        assertEquals(List.of("NO"), texts(b));
    }

    @Test
    void withoutAnIdARepeatIsTheSameContentWithinTheWindowWhereverTheClockStands() throws Exception {
        long a = accounts.get(0);
        String key = InboundMessage.BY_CONTENT + "mo-yes";
        assertTrue(stored(message(a, key, "YES", T)).isPresent());
        // 09:59:50 and 10:00:20: a ten-minute slot's boundary lies between them, the window does not
        assertTrue(stored(message(a, key, "YES", T.plusSeconds(30))).isEmpty(), "delivered again 30 s later: the same message");
        assertTrue(stored(message(a, key, "YES", T.plusSeconds(200))).isPresent(),
                "the same words after the window: a message of their own (a second YES to a second question)");
        assertTrue(stored(message(accounts.get(1), key, "YES", T.plusSeconds(30))).isPresent(), "another account");
        assertEquals(List.of("YES", "YES"), texts(a));
    }

    @Test
    void partsThatNeverCompletedExpireAndAreNeverJoinedWithALaterMessage() throws Exception {
        long a = accounts.get(0);
        long expiredBefore = Counters.get("inbound.parts-expired");
        assertTrue(part(message(a, InboundMessage.BY_CONTENT + "mo-old", "stale ", T), new Concatenation(7, 2, 1)).isNew());
        // two hours later the same reference comes again, its second part first, then its first
        OffsetDateTime later = T.plusHours(2);
        InboundStore.PartResult second = part(message(a, InboundMessage.BY_CONTENT + "mo-new2", "message", later),
                new Concatenation(7, 2, 2));
        assertEquals(null, second.completedId(), "not joined with the stale first part");
        assertEquals(1, Counters.get("inbound.parts-expired") - expiredBefore, "the stale part was dropped and counted");
        InboundStore.PartResult first = part(message(a, InboundMessage.BY_CONTENT + "mo-new1", "fresh ", later.plusSeconds(1)),
                new Concatenation(7, 2, 1));
        assertTrue(first.completedId() != null, "the new message's own two parts complete it");
        assertEquals(List.of("fresh message"), texts(a));
        Number left = (Number) em.createNativeQuery("SELECT COUNT(*) FROM inbound_part WHERE provider_account_id = ?")
                .setParameter(1, a).getSingleResult();
        assertEquals(0, left.intValue());
    }

    @Test
    void partsOfAnAccountThatReceivesNoMoreAreSweptToo() throws Exception {
        long b = accounts.get(1);
        // in the future, so that the gateway's own sweep (once a minute, by the clock) leaves it to this test
        OffsetDateTime later = OffsetDateTime.parse("2030-01-01T00:00:00Z");
        assertTrue(part(message(b, InboundMessage.BY_CONTENT + "mo-alone", "never ", later), new Concatenation(9, 2, 1)).isNew());
        tx.begin();
        store.expireParts(later.plusMinutes(30).toInstant());
        tx.commit();
        assertEquals(1, parts(b), "younger than the bound: kept");
        tx.begin();
        store.expireParts(later.plusHours(2).toInstant());
        tx.commit();
        assertEquals(0, parts(b), "older than the bound: dropped, though no other part came on its account");
    }

    private int parts(long account) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM inbound_part WHERE provider_account_id = ?")
                .setParameter(1, account).getSingleResult()).intValue();
    }
}
