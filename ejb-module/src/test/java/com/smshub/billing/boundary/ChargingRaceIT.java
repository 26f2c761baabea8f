package com.smshub.billing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
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
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

import com.smshub.Deployments;
import com.smshub.billing.entity.ChargeCommand;
import com.smshub.billing.entity.ChargeRecord;
import com.smshub.billing.entity.ChargeState;
import com.smshub.kernel.Counters;
import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Tags;
import com.smshub.tenant.control.TenantDirectory;

/**
 * Two calls with one client reference that both looked it up before either recorded it: the unique key makes the
 * second the first one's retry. End to end (BillingEndToEndIT) fifty callers meet that window only now and then;
 * here the first call is held uncommitted while the second records, so the path is taken every run.
 */
@ExtendWith(ArquillianExtension.class)
class ChargingRaceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("charging-race-it");
    }

    @Inject
    Charging charging;

    @Inject
    TenantDirectory tenants;

    @Inject
    UserTransaction tx;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Test
    void aCallThatLostTheRaceForItsReferenceIsAnsweredAsTheWinnersRetry() throws Exception {
        String reference = "race-" + UUID.randomUUID();
        Msisdn subscriber = Msisdn.parse("+46701" + String.format("%06d", (int) (Math.random() * 1_000_000)));
        Money amount = new Money(new BigDecimal("25.00"), "SEK");
        ChargeCommand command = new ChargeCommand(reference, subscriber.e164(), amount, null, "Parkering", null, null, Tags.NONE);
        SecurityIdentity demo = SecurityDomain.getCurrent()
                .authenticate("demo", new PasswordGuessEvidence("demo-password".toCharArray()));
        long raced = Counters.get("charge.reference-raced");
        long tenant = tenants.byUsername("demo").id();

        // the winner: its charge recorded, not yet committed, so the other call's look-up does not see it
        String winner = UUID.randomUUID().toString();
        tx.begin();
        try {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO charge (id, tenant_id, client_reference, request_hash, kind, msisdn, amount, currency, "
                            + "content_type, description, provider, provider_account_id, state, created_at, requested_at) "
                            + "SELECT ?, ?, ?, ?, 'DEBIT', ?, 25.00, 'SEK', 'SMS', 'Parkering', 'SMSPRO', id, 'REQUESTED', "
                            + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM provider_account WHERE name = 'smspro-simulator'")) {
                s.setString(1, winner);
                s.setLong(2, tenant);
                s.setString(3, reference);
                s.setString(4, Charging.requestHash(command, subscriber, amount, "SMS", Tags.NONE));
                s.setString(5, subscriber.e164());
                assertEquals(1, s.executeUpdate());
            }
            Future<ChargeRecord> loser = executor.submit(() -> demo.runAs((java.security.PrivilegedAction<ChargeRecord>) () -> charging.charge(command)));
            // the loser looks the reference up, routes, and records: its insert waits on the winner's key, or fails on it
            Thread.sleep(1_000);
            assertFalse(loser.isDone(), "the loser waits for the winner's key");
            tx.commit();
            ChargeRecord answer = loser.get(30, TimeUnit.SECONDS);
            assertEquals(winner, answer.id(), "the loser is answered with the winner's charge");
            assertEquals(ChargeState.REQUESTED, answer.state(), "as it stands: on its way (PENDING to the caller)");
        } finally {
            if (tx.getStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
                tx.rollback();
            }
        }
        assertEquals(raced + 1, Counters.get("charge.reference-raced"), "and counted as a race the unique key settled");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM charge WHERE client_reference = ? AND tenant_id = ?")) {
            s.setString(1, reference);
            s.setLong(2, tenant);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(1, r.getInt(1), "one charge for one reference");
            }
        }
    }
}
