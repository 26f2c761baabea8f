package com.smshub.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import com.smshub.routing.boundary.RoutingAdministration;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.routing.entity.AccountDefinition;
import com.smshub.routing.entity.AccountView;

/**
 * A provider's secret settings (SMS Pro's Appendix 1 password) against a real database: sealed where they are
 * stored, opened for the adapter, shown to operators as set, kept when an operator changes the other settings.
 */
@ExtendWith(ArquillianExtension.class)
class SecretSettingsIT {

    private static final String ACCOUNT = "secret-settings-it";

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModuleAdministeredUnchecked("secret-settings-it");
    }

    @EJB
    RoutingAdministration routing;

    @Inject
    AccountDirectory accounts;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private void save(Map<String, String> settings) {
        routing.saveAccount(ACCOUNT, new AccountDefinition(ProviderCode.valueOf("SMSPRO"), "https://sms-pro.example/services/C", "C", "pw",
                false, null, null, settings, null, null));
    }

    private String stored() {
        return (String) em.createNativeQuery("SELECT settings FROM provider_account WHERE name = ?").setParameter(1, ACCOUNT)
                .getSingleResult();
    }

    private Map<String, String> shown() {
        return routing.accounts().stream().filter(a -> a.name().equals(ACCOUNT)).findFirst().map(AccountView::settings)
                .orElseThrow();
    }

    private Map<String, String> opened() {
        accounts.reload();
        return accounts.byName(ACCOUNT).orElseThrow().settings().values();
    }

    @Test
    void aSecretSettingIsSealedOpenedForTheAdapterShownAsSetAndKept() {
        save(Map.of("basicUsername", "smshub", "basicPassword", "Appendix-1-password", "recipientsPerRequest", "5"));
        assertFalse(stored().contains("Appendix-1-password"), "sealed where it is stored: " + stored());
        assertTrue(stored().contains("\"basicUsername\":\"smshub\""), "the others as written: " + stored());
        assertEquals("Appendix-1-password", opened().get("basicPassword"), "opened for the adapter");
        assertEquals("(set)", shown().get("basicPassword"), "shown to operators as set");
        assertEquals("5", shown().get("recipientsPerRequest"));

        save(Map.of("basicUsername", "smshub", "recipientsPerRequest", "7"));
        assertEquals("Appendix-1-password", opened().get("basicPassword"), "left out of settings that name others: kept");
        assertEquals("7", opened().get("recipientsPerRequest"));

        save(shown());
        assertEquals("Appendix-1-password", opened().get("basicPassword"), "read, and saved back as read: kept, never \"(set)\"");

        save(Map.of("basicUsername", "someone-else", "basicPassword", "another"));
        assertEquals("another", opened().get("basicPassword"), "given: replaced");
        assertFalse(opened().containsKey("recipientsPerRequest"), "the other settings are replaced whole");

        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> save(Map.of("basicUsername", "someone-else", "basicPassword", "")));
        assertTrue(refused.getMessage().contains("basicPassword"), "given empty it is removed, and its user alone is refused");
        assertEquals("another", opened().get("basicPassword"), "nothing changed by a refused change");

        save(Map.of());
        assertTrue(opened().isEmpty(), "no settings at all remove every one");
    }
}
