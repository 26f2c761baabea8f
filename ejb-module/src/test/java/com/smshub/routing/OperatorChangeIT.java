package com.smshub.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
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
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.SmsContent;
import com.smshub.routing.boundary.RoutingAdministration;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.routing.control.Router;
import com.smshub.routing.entity.AccountDefinition;
import com.smshub.routing.entity.Route;
import com.smshub.routing.entity.RouteDefinition;

/**
 * An operator's change is seen as soon as it commits, even when another thread read the accounts or routes while
 * it was under way: that thread read the rows as they were and, kept for the cache's 30 seconds, they once made
 * a route added right after its account fail with "No value present" (a 500 to the operator).
 */
@ExtendWith(ArquillianExtension.class)
class OperatorChangeIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModuleAdministeredUnchecked("operator-change-it");
    }

    @EJB
    RoutingAdministration routing;

    @Inject
    AccountDirectory accounts;

    @Inject
    Router router;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService elsewhere;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private AccountDefinition account(boolean enabled) {
        return new AccountDefinition(ProviderCode.valueOf("SMSPRO"), "https://sms-pro.example/services/C", "C", "pw", enabled, null, null,
                Map.of(), null, null);
    }

    /** What another thread reads, in its own transaction, while the change is not committed yet. */
    private void readElsewhere(Runnable read) throws Exception {
        elsewhere.submit(read).get(30, TimeUnit.SECONDS);
    }

    @Test
    void anAccountSavedWhileAnotherThreadReadTheAccountsIsKnownOnceCommitted() throws Exception {
        String name = "operator-change-it-" + System.nanoTime();
        transaction.begin();
        routing.saveAccount(name, account(false));
        readElsewhere(() -> assertTrue(accounts.byName(name).isEmpty(), "not committed: not seen elsewhere"));
        transaction.commit();

        assertTrue(accounts.byName(name).isPresent(), "the directory forgot what it read when the change committed");
        RouteDefinition route = routing.addRoute(new RouteDefinition(null, "+6791", null, name, 1, false, false, null, true));
        assertTrue(routing.removeRoute(route.id()));
    }

    @Test
    void aRouteAddedWhileAnotherThreadRoutedIsUsedOnceCommitted() throws Exception {
        String name = "operator-change-it-" + System.nanoTime();
        routing.saveAccount(name, account(true));
        Msisdn recipient = Msisdn.parse("+6799123456");
        SmsContent content = SmsContent.text("Hei").build();
        try {
            transaction.begin();
            RouteDefinition route = routing.addRoute(new RouteDefinition(null, "+6799", null, name, 1, false, false, null, true));
            readElsewhere(() -> assertTrue(router.candidates(1, recipient, content).stream()
                    .noneMatch(r -> r.id() == route.id()), "not committed: not routed to elsewhere"));
            transaction.commit();

            List<Route> candidates = router.candidates(1, recipient, content);
            assertEquals(List.of(route.id()), candidates.stream().filter(r -> r.prefix().equals("+6799")).map(Route::id).toList(),
                    "the router forgot what it read when the change committed");
            assertTrue(routing.removeRoute(route.id()));
        } finally {
            routing.saveAccount(name, account(false));
        }
    }

    @Test
    void anAccountWhoseSecretDoesNotOpenIsLeftOutWhileTheOthersServe() throws Exception {
        String broken = "operator-change-it-broken-" + System.nanoTime();
        String sound = "operator-change-it-sound-" + System.nanoTime();
        routing.saveAccount(broken, account(true));
        routing.saveAccount(sound, account(true));
        try {
            transaction.begin();
            em.createNativeQuery("UPDATE provider_account SET secret_sealed = 'not-a-sealed-secret' WHERE name = ?")
                    .setParameter(1, broken).executeUpdate();
            transaction.commit();
            accounts.reload();

            List<String> enabled = accounts.enabled().stream().map(a -> a.name()).toList();
            assertTrue(enabled.contains(sound), "the others are read: " + enabled);
            assertFalse(enabled.contains(broken), "the broken one is not routed to: " + enabled);
            assertTrue(accounts.byName(broken).isPresent(), "still known by name, for the operators");

            routing.saveAccount(broken, account(true)); // its secret set again by an operator
            assertTrue(accounts.enabled().stream().anyMatch(a -> a.name().equals(broken)), "back once its secret opens");
        } finally {
            routing.saveAccount(broken, account(false));
            routing.saveAccount(sound, account(false));
        }
    }
}
