package com.smshub.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;
import com.smshub.health.boundary.GatewayHealth;
import com.smshub.health.control.DatabaseProbe;
import com.smshub.health.control.ProviderProbes;
import com.smshub.health.entity.AccountHealth;
import com.smshub.kernel.ProviderCode;
import com.smshub.platform.ProviderSecrets;
import com.smshub.kernel.Liveness;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.routing.entity.ProviderAccount;

/** Ping's parts inside the provisioned WildFly, against the real database. */
@ExtendWith(ArquillianExtension.class)
class GatewayHealthIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("health-it");
    }

    @Inject
    DatabaseProbe database;

    @Inject
    ProviderProbes probes;

    @EJB
    GatewayHealth health;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    AccountDirectory accounts;

    @Inject
    ProviderSecrets secrets;

    @AfterEach
    void removeTestAccounts() throws Exception {
        // an SMPP account's session lease goes with it; the session keeper, still trying to bind a test account, may
        // take a lease again between the two deletes (the account's delete then fails on the lease's foreign key):
        // a few tries
        for (int tried = 1; ; tried++) {
            tx.begin();
            try {
                em.createNativeQuery("DELETE FROM provider_session WHERE account_id IN "
                        + "(SELECT id FROM provider_account WHERE name LIKE 'it-%')").executeUpdate();
                em.createQuery("DELETE FROM ProviderAccount a WHERE a.name LIKE 'it-%'").executeUpdate();
                tx.commit();
                break;
            } catch (Exception e) {
                if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    tx.rollback();
                }
                if (tried == 5) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
        accounts.reload();
    }

    @Test
    void schemaIsMigratedAndDemoDataPresent() {
        Number tenants = (Number) em.createNativeQuery("SELECT COUNT(*) FROM tenant WHERE username = 'demo'")
                .getSingleResult();
        assertEquals(1, tenants.intValue());
        Number applied = (Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success = TRUE").getSingleResult();
        assertEquals(1, applied.intValue(), "V1 applied by Flyway, not by Hibernate");
    }

    @Test
    void databaseAnswers() {
        assertTrue(database.isUp());
    }

    @Test
    void unreachableAccountIsDownAndNotProbedWhenNotAsked() throws Exception {
        add(ProviderCode.valueOf("SMSPRO"), "it-unreachable", "http://127.0.0.1:1/services/CUSTOMER");

        AccountHealth probed = find(probes.probe(true), "it-unreachable");
        assertEquals(Liveness.State.DOWN, probed.liveness().state());
        assertTrue(probed.liveness().detail().contains("No answer"), probed.liveness().detail());

        AccountHealth skipped = find(probes.probe(false), "it-unreachable");
        assertEquals(Liveness.State.NOT_CHECKED, skipped.liveness().state());
    }

    @Test
    void anSmppAccountWithoutABoundSessionIsDown() throws Exception {
        // no SMSC listens on port 9 (discard): the session keeper cannot bind, and the probe says so
        add(ProviderCode.valueOf("MYMSP"), "it-mymsp", "smpp://127.0.0.1:9");
        AccountHealth mymsp = find(probes.probe(true), "it-mymsp");
        assertEquals(Liveness.State.DOWN, mymsp.liveness().state());
        assertTrue(mymsp.liveness().detail().contains("no bound session"), mymsp.liveness().detail());
    }

    @Test
    void anonymousCallerIsRefused() {
        assertThrows(EJBAccessException.class, () -> health.check(false));
    }

    private void add(ProviderCode provider, String name, String endpoint) throws Exception {
        ProviderAccount account = new ProviderAccount(provider, name);
        account.configure(endpoint, "CUSTOMER", secrets.seal("secret", name), null, true, null, null, null);
        tx.begin();
        em.persist(account);
        tx.commit();
        accounts.reload();
    }

    private static AccountHealth find(List<AccountHealth> accounts, String name) {
        return accounts.stream().filter(a -> a.account().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + accounts));
    }
}
