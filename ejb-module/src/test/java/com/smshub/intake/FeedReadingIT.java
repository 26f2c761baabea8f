package com.smshub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;
import com.smshub.StoredMessages;
import com.smshub.intake.boundary.FeedNotReadException;
import com.smshub.intake.boundary.FeedReading;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.message.Outbox;
import com.smshub.platform.ProviderSecrets;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.Settings;
import com.smshub.provider.spi.StatusFeed;
import com.smshub.routing.entity.ProviderAccount;
import com.smshub.sending.control.SendRequests;
import com.smshub.tenant.control.TenantDirectory;

/**
 * A provider's status feed read by its persisted cursor (MyMobileAPI's changeid): page by page, each page's
 * reports applied and the cursor moved in one commit, so a record is never skipped nor applied twice, even
 * with several nodes reading at once (threads here, each a node's timer), and a page whose commit fails is
 * read again from the same place.
 */
@ExtendWith(ArquillianExtension.class)
class FeedReadingIT {

    private static final String NAME = "it-feed";
    private static final int RECORDS = 600;
    private static final int PAGE = 25;

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("feed-it");
    }

    @EJB
    FeedReading reading;

    @Inject
    Outbox outbox;

    @Inject
    SendRequests requests;

    @Inject
    TenantDirectory tenants;

    @Inject
    ProviderSecrets secrets;

    @Inject
    UserTransaction tx;

    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry registry;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private Account account;

    /** A feed of numbered records (1 to RECORDS), a page after the cursor at a time, counting what it served. */
    final class Feed implements StatusFeed {
        final Map<Long, AtomicInteger> served = new ConcurrentHashMap<>();
        final List<String> ids;
        volatile boolean failNextCommit;

        Feed(List<String> ids) {
            this.ids = ids;
        }

        @Override
        public Page statusesAfter(String cursor, Account of) {
            long after = Long.parseLong(cursor);
            List<DeliveryReport> reports = new ArrayList<>();
            long last = after;
            for (long change = after + 1; change <= Math.min(RECORDS, after + PAGE); change++) {
                served.computeIfAbsent(change, c -> new AtomicInteger()).incrementAndGet();
                String id = ids.get((int) (change - 1) % ids.size());
                reports.add(new DeliveryReport(MessageRef.ours(id), MessageStatus.DELIVERED,
                        new ProviderReport(ProviderCode.valueOf("MYMOBILEAPI"), "DELIVRD", null, null), "IT_FEED"));
                last = change;
            }
            if (failNextCommit) {
                failNextCommit = false;
                registry.setRollbackOnly(); // the page is applied, then its commit fails
            }
            return new Page(reports, String.valueOf(last), last < RECORDS);
        }
    }

    @BeforeEach
    void account() throws Exception {
        ProviderAccount entity = new ProviderAccount(ProviderCode.valueOf("MYMOBILEAPI"), NAME);
        // disabled: the gateway's own feed timer leaves it to this test
        entity.configure("http://127.0.0.1:1/api5/api.asmx", "it", secrets.seal("secret", NAME), null, false, null, null, null);
        tx.begin();
        em.persist(entity);
        tx.commit();
        account = new Account(entity.getId(), NAME, ProviderCode.valueOf("MYMOBILEAPI"), entity.getEndpointUrl(), "it", "secret",
                Settings.NONE, null);
        reading.start(account.id());
    }

    @AfterEach
    void removeAccount() throws Exception {
        tx.begin();
        em.createNativeQuery("DELETE FROM provider_cursor WHERE account_id = ?").setParameter(1, account.id()).executeUpdate();
        em.createQuery("DELETE FROM ProviderAccount a WHERE a.name = :name").setParameter("name", NAME).executeUpdate();
        tx.commit();
    }

    private List<String> submittedMessages(int count) throws Exception {
        tx.begin();
        List<String> ids = StoredMessages.store(requests, outbox, tenants.byUsername("demo").id(), count, MessageStatus.SUBMITTED, null);
        tx.commit();
        return ids;
    }

    private String cursor() {
        return (String) em.createNativeQuery("SELECT position FROM provider_cursor WHERE account_id = ?")
                .setParameter(1, account.id()).getSingleResult();
    }

    @Test
    void nodesReadingAtOnceTakeEachRecordOnceAndTheCursorEndsAtTheLast() throws Exception {
        Feed feed = new Feed(submittedMessages(RECORDS));
        int nodes = 4;
        CyclicBarrier together = new CyclicBarrier(nodes);
        List<Future<Integer>> pages = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            pages.add(executor.submit(() -> {
                together.await();
                int read = 0;
                while (reading.readStatuses(account, feed)) {
                    read++;
                }
                return read + 1;
            }));
        }
        int pagesRead = 0;
        for (Future<Integer> page : pages) {
            pagesRead += page.get();
        }
        assertEquals(RECORDS, feed.served.size(), "every record served");
        List<Integer> timesServed = new ArrayList<>();
        feed.served.values().forEach(times -> timesServed.add(times.get()));
        assertEquals(Collections.nCopies(RECORDS, 1), timesServed, "no record served twice: each node waited for the "
                + "cursor another held and read on from where that one left it");
        assertEquals(String.valueOf(RECORDS), cursor());
        // this run's messages only: an earlier run on the same database left its own DELIVERED by IT_FEED
        Number delivered = (Number) em.createNativeQuery("SELECT COUNT(*) FROM message WHERE id IN (SELECT message_id FROM "
                + "status_change WHERE source = 'IT_FEED') AND status = 'DELIVERED' AND id IN (:ids)")
                .setParameter("ids", feed.ids).getSingleResult();
        assertEquals(RECORDS, delivered.intValue());
        assertEquals(RECORDS / PAGE + nodes - 1, pagesRead, "each page read once, and each node's last read found nothing more");
    }

    @Test
    void aPageWhoseCommitFailsIsReadAgainFromTheSamePlace() throws Exception {
        List<String> ids = submittedMessages(PAGE);
        Feed feed = new Feed(ids);
        feed.failNextCommit = true;
        assertThrows(FeedNotReadException.class, () -> reading.readStatuses(account, feed));
        assertEquals("0", cursor(), "the cursor stays where the failed page began");
        Number delivered = (Number) em.createNativeQuery("SELECT COUNT(*) FROM message WHERE id = ? AND status = 'DELIVERED'")
                .setParameter(1, ids.get(0)).getSingleResult();
        assertEquals(0, delivered.intValue(), "and what the page said was rolled back with it");
        reading.readStatuses(account, feed);
        assertEquals(String.valueOf(PAGE), cursor());
        assertEquals(2, feed.served.get(1L).get(), "the first record served again");
        assertEquals("DELIVERED", em.createNativeQuery("SELECT status FROM message WHERE id = ?").setParameter(1, ids.get(0))
                .getSingleResult());
    }
}
