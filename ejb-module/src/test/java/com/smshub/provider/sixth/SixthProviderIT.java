package com.smshub.provider.sixth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.RequestValidationException;
import com.smshub.kernel.SmsContent;
import com.smshub.message.entity.RecipientOutcome;
import com.smshub.routing.boundary.RoutingAdministration;
import com.smshub.routing.entity.AccountDefinition;
import com.smshub.routing.entity.RouteDefinition;
import com.smshub.sending.boundary.SmsSending;
import com.smshub.sending.entity.SendCommand;
import com.smshub.tenant.control.TenantDirectory;

/**
 * A sixth provider added by its package alone: the deployment is the EJB module as it is built, with this package
 * beside it, and a message a tenant sends to the route an operator gives the new account reaches the sixth
 * provider's simulator through the gateway's own acceptance, outbox, queue and dispatch, its id recorded.
 * {@code SixthProviderFilesTest} shows the other half: nothing outside this package names the provider.
 */
@ExtendWith(ArquillianExtension.class)
class SixthProviderIT {

    private static final String ACCOUNT = "sixth-provider-it";
    private static final String PREFIX = "+479996"; // Norway: eight digits after +47

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModuleAdministeredUnchecked("sixth-provider-it").addPackage(SixthAdapter.class.getPackage());
    }

    @EJB
    RoutingAdministration routing;

    @EJB
    SmsSending sending;

    @Inject
    TenantDirectory tenants;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private AccountDefinition account(boolean enabled) {
        return new AccountDefinition(ProviderCode.valueOf("SIXTH"), "http://localhost:8080/sixth-provider-it/sixth",
                SixthSimulator.USER, SixthSimulator.PASSWORD, enabled, null, null, Map.of(), null, null);
    }

    @Test
    void aMessageToTheSixthProvidersRouteReachesItsSimulatorAndItsIdIsRecorded() throws Exception {
        routing.saveAccount(ACCOUNT, account(true));
        long route = routing.addRoute(new RouteDefinition(null, PREFIX, null, ACCOUNT, 0, false, false, null, true)).id();
        try {
            String recipient = PREFIX + String.format("%04d", (int) (Math.random() * 10_000));
            String text = "Sjette leverandør " + System.nanoTime();
            List<RecipientOutcome> outcomes = sending.sendAs(tenants.byUsername("demo"), new SendCommand(SendCommand.Kind.SMS,
                    null, null, List.of(new SendCommand.Item(null, recipient, SmsContent.text(text).build())))).outcomes();
            assertTrue(outcomes.get(0).accepted(), outcomes.toString());
            String id = outcomes.get(0).messageId();

            Map<String, String> received = null;
            Object[] stored = null;
            for (long deadline = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < deadline; Thread.sleep(200)) {
                received = SixthSimulator.RECEIVED.stream().filter(r -> id.equals(r.get("ref"))).findFirst().orElse(null);
                stored = (Object[]) em.createNativeQuery("SELECT provider, provider_message_id, status FROM message WHERE id = ?")
                        .setParameter(1, id).getSingleResult();
                if (received != null && stored[1] != null) {
                    break;
                }
            }
            assertTrue(received != null, "the sixth provider's simulator was not reached");
            assertEquals(recipient, received.get("to"));
            assertEquals(text, received.get("text"), "as written, through the sixth provider's own client");
            assertEquals("SIXTH", stored[0], "the provider stored by its code");
            assertEquals(received.get("id"), stored[1], "the sixth provider's id recorded");
            assertEquals(1, SixthSimulator.RECEIVED.stream().filter(r -> id.equals(r.get("ref"))).count(), "sent once");
        } finally {
            routing.removeRoute(route);
            routing.saveAccount(ACCOUNT, account(false));
        }
    }

    @Test
    void aProviderNoAdapterServesIsRefusedForAnAccountAndForAPreference() {
        InvalidValueException account = assertThrows(InvalidValueException.class, () -> routing.saveAccount("seventh-it",
                new AccountDefinition(ProviderCode.valueOf("SEVENTH"), "http://localhost:9/", "u", "p", true, null, null, Map.of(),
                        null, null)));
        assertTrue(account.getMessage().contains("no adapter for SEVENTH"), account.getMessage());

        SendCommand preferring = new SendCommand(SendCommand.Kind.SMS, null, null, List.of(new SendCommand.Item(null,
                PREFIX + "0000", SmsContent.text("Hei").providerPreference(ProviderCode.valueOf("SEVENTH")).build())));
        RequestValidationException refused = assertThrows(RequestValidationException.class,
                () -> sending.sendAs(tenants.byUsername("demo"), preferring));
        assertEquals("providerPreference", refused.field());
        assertTrue(refused.getMessage().contains("SIXTH"), "the providers served, the sixth among them: " + refused.getMessage());
    }
}
