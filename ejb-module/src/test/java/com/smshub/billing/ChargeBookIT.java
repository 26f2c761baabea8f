package com.smshub.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;
import com.smshub.StoredMessages;
import com.smshub.billing.control.ChargeBook;
import com.smshub.billing.entity.ChargeAnswer;
import com.smshub.billing.entity.ChargeRecord;
import com.smshub.billing.entity.ChargeState;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Tags;
import com.smshub.message.Outbox;
import com.smshub.sending.control.SendRequests;
import com.smshub.tenant.control.TenantDirectory;

/**
 * The ledger's rules against a real database: a refund's bound counts every refund not finally declined and is
 * checked again when one is retried; a retried charge is swept by its own clock; an answer that comes after the
 * sweeper settles the charge, one that comes after an operator's reconciliation is journaled beside it; a premium
 * message's reports racing each other leave one ledger line.
 */
@ExtendWith(ArquillianExtension.class)
class ChargeBookIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("charge-book-it");
    }

    @Inject
    Outbox outbox;

    @Inject
    ChargeBook book;

    @Inject
    TenantDirectory tenants;

    @Inject
    SendRequests requests;

    @Inject
    UserTransaction tx;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    private long tenant;
    private long account;

    @BeforeEach
    void demo() throws Exception {
        tenant = tenants.byUsername("demo").id();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM provider_account WHERE name = 'smspro-simulator'");
             ResultSet r = s.executeQuery()) {
            r.next();
            account = r.getLong(1);
        }
    }

    private ChargeRecord debit(String amount, OffsetDateTime at) {
        return book.begin(new ChargeRecord(UUID.randomUUID().toString(), tenant, "it-" + UUID.randomUUID(), "hash",
                ChargeRecord.DEBIT, null, null, "+46700000001", new Money(new BigDecimal(amount), "SEK"), null, "SMS", null,
                ProviderCode.valueOf("SMSPRO"), account, ChargeState.REQUESTED, null, null, null, null, at, null, null, null,
                new Tags("cc-1", "dept", null)));
    }

    private ChargeRecord refund(ChargeRecord charge, String amount) {
        return book.begin(new ChargeRecord(UUID.randomUUID().toString(), tenant, "it-" + UUID.randomUUID(), "hash",
                ChargeRecord.CREDIT, charge.id(), null, charge.msisdn(), new Money(new BigDecimal(amount), "SEK"), null, "SMS",
                null, ProviderCode.valueOf("SMSPRO"), account, ChargeState.REQUESTED, null, null, null, null, now(), null, null, null,
                Tags.NONE));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private ChargeState state(ChargeRecord charge) {
        return book.find(charge.id()).orElseThrow().state();
    }

    @Test
    void aRefundNotMadeStillHoldsItsMoneyAndIsCheckedAgainWhenRetried() throws Exception {
        ChargeRecord charge = debit("10.00", now());
        assertTrue(book.settle(charge.id(), ChargeState.APPROVED, "t-1", null, null, null));
        ChargeRecord first = refund(charge, "10.00");
        assertTrue(book.settle(first.id(), ChargeState.NOT_MADE, null, null, "NOT_MADE", "HTTP 503"));
        assertThrows(IllegalStateException.class, () -> refund(charge, "10.00"),
                "a refund not made may be retried at any time: its money is not free for another");
        assertEquals(0, book.leftToRefund(charge).amount().signum());

        // a second refund written before this rule held (by hand here): the retry of the first is refused
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO charge (id, tenant_id, kind, refunds_charge_id, msisdn, amount, currency, provider, "
                        + "provider_account_id, state, created_at, requested_at) VALUES (?, ?, 'CREDIT', ?, ?, 10.00, 'SEK', "
                        + "'SMSPRO', ?, 'APPROVED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setLong(2, tenant);
            s.setString(3, charge.id());
            s.setString(4, charge.msisdn());
            s.setLong(5, account);
            s.executeUpdate();
        }
        ChargeRecord notMade = book.find(first.id()).orElseThrow();
        assertThrows(IllegalStateException.class, () -> book.retake(notMade), "retaken only within the bound");
        assertEquals(ChargeState.NOT_MADE, state(first));
    }

    @Test
    void aChargeKeepsTheCallersTags() {
        ChargeRecord charge = debit("10.00", now());
        assertEquals(new Tags("cc-1", "dept", null), book.find(charge.id()).orElseThrow().tags());
    }

    @Test
    void aRetriedChargeIsSweptByItsOwnClock() {
        ChargeRecord old = debit("5.00", now().minusMinutes(10));
        assertTrue(book.settle(old.id(), ChargeState.NOT_MADE, null, null, "NOT_MADE", "connection refused"));
        assertTrue(book.retake(book.find(old.id()).orElseThrow()));
        book.expire(Duration.ofSeconds(120));
        assertEquals(ChargeState.REQUESTED, state(old), "its request left just now, whatever day the ledger line has");

        ChargeRecord stuck = debit("5.00", now().minusMinutes(10));
        book.expire(Duration.ofSeconds(120));
        assertEquals(ChargeState.UNKNOWN, state(stuck), "a request out for ten minutes lost its caller");
    }

    @Test
    void anAnswerThatComesAfterTheSweeperSettlesTheCharge() {
        ChargeRecord slow = debit("7.00", now().minusMinutes(10));
        book.expire(Duration.ofSeconds(120));
        assertEquals(ChargeState.UNKNOWN, state(slow));
        assertTrue(book.settle(slow.id(), ChargeState.APPROVED, "t-late", "telenor", null, null));
        assertEquals(ChargeState.APPROVED, state(slow), "the answer is what happened");
        List<ChargeAnswer> answers = book.answers(slow.id());
        assertEquals(1, answers.size());
        assertTrue(answers.get(0).applied());
    }

    @Test
    void anAnswerThatComesAfterAReconciliationIsJournaledNeverDropped() {
        ChargeRecord slow = debit("7.00", now().minusMinutes(10));
        book.expire(Duration.ofSeconds(120));
        assertTrue(book.reconcile(slow.id(), ChargeState.DECLINED, null, null, "operator"));
        assertFalse(book.settle(slow.id(), ChargeState.APPROVED, "t-late", "telenor", null, null));
        assertEquals(ChargeState.DECLINED, state(slow), "the operator's word stands until an operator changes it");
        List<ChargeAnswer> answers = book.answers(slow.id());
        assertEquals(1, answers.size(), "and the provider's is kept beside it");
        assertEquals(ChargeState.APPROVED, answers.get(0).outcome());
        assertEquals("t-late", answers.get(0).providerTransactionId());
        assertFalse(answers.get(0).applied());
    }

    @Test
    void reportsOfOnePremiumMessageRacingEachOtherLeaveOneLine() throws Exception {
        List<String> ids = premiumMessages(20);
        for (String id : ids) {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<?>> both = new ArrayList<>();
            for (ChargeState state : new ChargeState[] {ChargeState.PENDING, ChargeState.APPROVED}) {
                both.add(executor.submit(() -> {
                    start.await();
                    tx.begin();
                    book.premium(id, state, state == ChargeState.APPROVED ? "t-" + id : null, "tre", null, null);
                    tx.commit();
                    return null;
                }));
            }
            for (Future<?> report : both) {
                report.get();
            }
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT state FROM charge WHERE message_id = ?")) {
                s.setString(1, id);
                List<String> lines = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lines.add(r.getString(1));
                    }
                }
                assertEquals(List.of("APPROVED"), lines, "one line, moved to the final result, for " + id);
            }
        }
    }

    private List<String> premiumMessages(int count) throws Exception {
        tx.begin();
        List<String> ids = StoredMessages.store(requests, outbox, tenant, count, MessageStatus.SUBMITTED, account);
        tx.commit();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE message SET premium_amount = 5, premium_currency = 'SEK', provider = 'SMSPRO' WHERE id = ?")) {
            for (String id : ids) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
        return ids;
    }
}
