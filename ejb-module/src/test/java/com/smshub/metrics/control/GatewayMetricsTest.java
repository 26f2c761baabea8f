package com.smshub.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What is counted of a write is counted once its transaction commits, and never after a rollback. */
class GatewayMetricsTest {

    /** A transaction as the registry shows it to the code that runs in it. */
    private static final class Transaction implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_ACTIVE;
        final List<Synchronization> synchronizations = new ArrayList<>();

        void end(int outcome) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GatewayMetrics metrics = new GatewayMetrics();

    @BeforeEach
    void wire() {
        metrics.registry = registry;
    }

    private double accepted() {
        var counter = registry.find("smshub.messages.accepted").tags("tenant", "demo", "provider", "MASIV").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAcceptanceIsCountedWhenItsTransactionCommits() {
        Transaction transaction = new Transaction();
        metrics.transactions = transaction;
        metrics.accepted("demo", "MASIV", "masiv-simulator", "QUEUED", 3);
        assertEquals(0, accepted(), "not before the commit");
        transaction.end(Status.STATUS_COMMITTED);
        assertEquals(3, accepted());
    }

    @Test
    void anAcceptanceRolledBackIsNotCounted() {
        Transaction transaction = new Transaction();
        metrics.transactions = transaction;
        metrics.accepted("demo", "MASIV", "masiv-simulator", "QUEUED", 3);
        transaction.end(Status.STATUS_ROLLEDBACK);
        assertEquals(0, accepted());
        assertNull(registry.find("smshub.messages.accepted").counter(), "no meter made for it either");
    }

    @Test
    void outsideATransactionItIsCountedAtOnce() {
        Transaction none = new Transaction();
        none.status = Status.STATUS_NO_TRANSACTION;
        metrics.transactions = none;
        metrics.reported("MASIV", "DELIVERED", 2);
        assertEquals(2, registry.find("smshub.messages.reported").tags("status", "DELIVERED").counter().count());
    }

    @Test
    void aCallIsTimedByProviderAndAccount() {
        metrics.call("MASIV", "masiv-simulator", Duration.ofMillis(40));
        metrics.call("MASIV", "masiv-simulator", Duration.ofMillis(60));
        var timer = registry.find("smshub.dispatch.call").tags("account", "masiv-simulator").timer();
        assertEquals(2, timer.count());
        assertEquals(100, timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), 0.001);
        assertEquals(0, within("0.02"), "neither within 20 ms");
        assertEquals(1, within("0.05"), "one within 50 ms");
        assertEquals(2, within("0.1"), "both within 100 ms");
        assertEquals(2, within("+Inf"));
    }

    @Test
    void aFinalStatusIsTimedFromAcceptanceOnceItCommits() {
        Transaction transaction = new Transaction();
        metrics.transactions = transaction;
        metrics.finalStatus("MASIV", "DELIVERED", Duration.ofSeconds(3));
        assertNull(registry.find("smshub.message.final").timer(), "not before the commit");
        transaction.end(Status.STATUS_COMMITTED);
        assertEquals(1, registry.find("smshub.message.final").tags("provider", "MASIV", "status", "DELIVERED").timer().count());
        assertEquals(0, registry.find("smshub.message.final.within").tags("le", "2").counter().count());
        assertEquals(1, registry.find("smshub.message.final.within").tags("le", "5").counter().count());
        assertEquals(1, registry.find("smshub.message.final.within").tags("le", "86400").counter().count());
        assertEquals(1, registry.find("smshub.message.final.within").tags("le", "+Inf").counter().count());
    }

    @Test
    void theMetersThatReadTheDeploymentsObjectsLeaveWithIt() {
        metrics.outbox(() -> 7);
        metrics.session("MYMSP", "mymsp-simulator", () -> 3);
        metrics.event("push.refused." + "smspro");
        System.gc(); // what the meters read is held by the metrics, not only weakly by the meters
        assertEquals(7, registry.find("smshub.outbox.due").gauge().value());
        assertEquals(3, registry.find("smshub.session.in.flight").gauge().value());
        metrics.unregister();
        assertNull(registry.find("smshub.outbox.due").gauge(), "a redeployment registers its own");
        assertNull(registry.find("smshub.session.in.flight").gauge());
        assertNull(registry.find("smshub.events").functionCounter());
    }

    @Test
    void theConsolesTotalsAddUpEveryTenantProviderAndAccount() {
        Transaction none = new Transaction();
        none.status = Status.STATUS_NO_TRANSACTION;
        metrics.transactions = none;
        assertEquals(0, metrics.totals().get("accepted"), "nothing yet");
        metrics.accepted("demo", "MASIV", "masiv-simulator", "QUEUED", 3);
        metrics.accepted("acme", "SMSPRO", "smspro-simulator", "QUEUED", 2);
        metrics.reported("MASIV", "DELIVERED", 2);
        metrics.reported("SMSPRO", "DELIVERED", 1);
        metrics.reported("SMSPRO", "FAILED", 1);
        assertEquals(5, metrics.totals().get("accepted"));
        assertEquals(3, metrics.totals().get("delivered"));
        assertEquals(1, metrics.totals().get("failed"));
    }

    private double within(String le) {
        return registry.find("smshub.dispatch.call.within").tags("account", "masiv-simulator", "le", le).counter().count();
    }
}
