package com.smshub.routing.control;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.ProviderCode;
import com.smshub.platform.ProviderSecrets;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.Providers;
import com.smshub.routing.entity.ProviderAccount;

/**
 * The settings an adapter declares secret ({@link ProviderAdapter#secretSettings()}): sealed in the stored
 * settings, each bound to its account and name, opened only for the adapter and shown to operators as set.
 */
@ApplicationScoped
public class SecretSettings {

    /** What an operator reads in place of a secret setting's value. */
    public static final String SHOWN = "(set)";

    @Inject
    Providers providers;

    @Inject
    ProviderSecrets secrets;

    private Set<String> names(ProviderCode provider) {
        return providers.adapter(provider).map(ProviderAdapter::secretSettings).orElse(Set.of());
    }

    /** The account's settings as its adapter reads them. */
    public Map<String, String> opened(ProviderAccount stored) {
        Map<String, String> settings = SettingsJson.read(stored.getSettings());
        for (String name : names(stored.getProvider())) {
            settings.computeIfPresent(name, (setting, sealed) -> secrets.open(sealed, ProviderSecrets.settingSealedFor(stored.getName(), setting)));
        }
        return settings;
    }

    /** The account's settings as operators read them. */
    public Map<String, String> shown(ProviderAccount stored) {
        Map<String, String> settings = SettingsJson.read(stored.getSettings());
        for (String name : names(stored.getProvider())) {
            settings.computeIfPresent(name, (setting, sealed) -> SHOWN);
        }
        return settings;
    }

    /**
     * An operator's new settings for an account, opened. They replace the stored ones, except that a secret setting
     * left out of settings that name others keeps its stored value (an operator cannot read it back to send it
     * again, as with the account's password), and so does one given as it was shown ({@value #SHOWN}: an account
     * read, changed and saved back); one given empty is removed, and no settings at all remove every one.
     */
    public Map<String, String> given(ProviderCode provider, Map<String, String> settings, Optional<ProviderAccount> existing) {
        Map<String, String> merged = new TreeMap<>(settings);
        Map<String, String> stored = settings.isEmpty() ? Map.of() : existing.map(this::opened).orElse(Map.of());
        for (String name : names(provider)) {
            String value = merged.get(name);
            // "(set)" is what an operator read: an account read, changed and saved back keeps its secret
            boolean unchanged = value == null || SHOWN.equals(value);
            if (unchanged && stored.containsKey(name)) {
                merged.put(name, stored.get(name));
            } else if (value != null && (value.isEmpty() || SHOWN.equals(value))) {
                merged.remove(name);
            }
        }
        return merged;
    }

    /**
     * The stored settings with their secret ones sealed again under the current key (a rotation); null where every
     * one is sealed with it already. {@code count[0]} gets one for each value sealed again, {@code count[1]} for each
     * that no key opens (left as it is).
     */
    public String resealed(ProviderAccount stored, int[] count) {
        Map<String, String> settings = SettingsJson.read(stored.getSettings());
        boolean changed = false;
        for (String name : names(stored.getProvider())) {
            String value = settings.get(name);
            String again;
            try {
                again = value == null ? null : secrets.resealed(value, ProviderSecrets.settingSealedFor(stored.getName(), name));
            } catch (IllegalArgumentException e) {
                count[1]++; // opened by no key: left as it is (RoutingAdministration logs the account)
                continue;
            }
            if (again != null) {
                settings.put(name, again);
                count[0]++;
                changed = true;
            }
        }
        return changed ? SettingsJson.write(settings) : null;
    }

    /** Settings as stored: the secret ones sealed. */
    public Map<String, String> sealed(String accountName, ProviderCode provider, Map<String, String> settings) {
        Map<String, String> sealed = new TreeMap<>(settings);
        for (String name : names(provider)) {
            sealed.computeIfPresent(name, (setting, value) -> secrets.seal(value, ProviderSecrets.settingSealedFor(accountName, setting)));
        }
        return sealed;
    }
}
