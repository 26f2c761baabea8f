package com.smshub.provider.spi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.smshub.provider.spi.Capabilities.Feature;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every adapter declares the features whose interfaces it implements, and implements the interface of every
 * feature it declares: the core decides some things by the declaration (routing, the journal) and calls the
 * interfaces by type, and the two must not tell different stories. Adapters are found among the compiled classes,
 * so a new provider's is checked without being named here.
 */
class DeclaredFeaturesTest {

    /** A feature, and the capability interfaces of which the adapter must implement one to declare it. */
    private static final Map<Feature, List<Class<?>>> SERVED_BY = Map.of(
            Feature.STATUS_POLL, List.of(StatusPolling.class),
            Feature.STATUS_BY_REFERENCE, List.of(StatusPolling.class),
            Feature.STATUS_PUSH, List.of(PushReceiving.class, SessionProviding.class),
            Feature.STATUS_FEED, List.of(StatusFeed.class),
            Feature.INBOUND, List.of(PushReceiving.class, SessionProviding.class, InboundFeed.class),
            Feature.BALANCE, List.of(BalanceQuery.class),
            Feature.PRICING, List.of(PriceQuote.class),
            Feature.CHARGING, List.of(SubscriberCharging.class),
            Feature.SESSIONS, List.of(SessionProviding.class));

    /** An interface implemented, and the feature some account of the adapter must then declare. */
    private static final Map<Class<?>, Feature> DECLARED_BY = Map.of(
            StatusPolling.class, Feature.STATUS_POLL,
            StatusFeed.class, Feature.STATUS_FEED,
            BalanceQuery.class, Feature.BALANCE,
            PriceQuote.class, Feature.PRICING,
            SubscriberCharging.class, Feature.CHARGING,
            SessionProviding.class, Feature.SESSIONS);

    /** Accounts as operators configure them: over HTTP or SMPP, with or without the settings that add a feature. */
    private static final List<String> ENDPOINTS = List.of("https://provider.example/api", "smpp://provider.example:2775");
    private static final List<Map<String, String>> SETTINGS = List.of(Map.of(), Map.of("creditPrice", "0.30 ZAR"));

    private static List<ProviderAdapter> adapters() throws ReflectiveOperationException {
        List<ProviderAdapter> adapters = new ArrayList<>();
        for (JavaClass found : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.smshub.provider")) {
            if (found.isAssignableTo(ProviderAdapter.class) && !found.isInterface()
                    && !found.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) {
                adapters.add((ProviderAdapter) found.reflect().getDeclaredConstructor().newInstance());
            }
        }
        return adapters;
    }

    @Test
    void everyAdapterDeclaresWhatItImplementsAndImplementsWhatItDeclares() throws ReflectiveOperationException {
        List<ProviderAdapter> adapters = adapters();
        assertTrue(adapters.size() >= 5, "the five providers' adapters at least: " + adapters);
        for (ProviderAdapter adapter : adapters) {
            Set<Feature> declaredSomewhere = EnumSet.noneOf(Feature.class);
            int configurations = 0;
            for (String endpoint : ENDPOINTS) {
                for (Map<String, String> settings : SETTINGS) {
                    Capabilities capabilities;
                    try {
                        capabilities = adapter.capabilities(new Account(1, "declared-features", adapter.provider(), endpoint,
                                "user", "secret", Settings.of(settings), null));
                    } catch (RuntimeException notThisProvidersKindOfAccount) {
                        continue; // a setting it does not know, an endpoint it does not speak
                    }
                    configurations++;
                    declaredSomewhere.addAll(capabilities.features());
                    for (Feature feature : capabilities.features()) {
                        List<Class<?>> servedBy = SERVED_BY.get(feature);
                        if (servedBy != null) {
                            assertTrue(servedBy.stream().anyMatch(type -> type.isInstance(adapter)), adapter.provider()
                                    + " declares " + feature + " (" + endpoint + ", " + settings + ") and implements none of " + servedBy);
                        }
                    }
                }
            }
            assertTrue(configurations > 0, adapter.provider() + ": no account of the ones tried was its kind");
            for (Map.Entry<Class<?>, Feature> implemented : DECLARED_BY.entrySet()) {
                if (implemented.getKey().isInstance(adapter)) {
                    assertTrue(declaredSomewhere.contains(implemented.getValue()), adapter.provider() + " implements "
                            + implemented.getKey().getSimpleName() + " and never declares " + implemented.getValue());
                }
            }
            assertTrue(adapter instanceof MessageSending, adapter.provider() + " sends no messages");
        }
    }
}
