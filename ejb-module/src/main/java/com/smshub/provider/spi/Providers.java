package com.smshub.provider.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.RequestValidationException;

/**
 * The adapter of each provider this version speaks to, found once among the CDI beans, and its capability
 * interfaces. The core reaches providers only through here: it never names a provider's package.
 */
@ApplicationScoped
public class Providers {

    @Inject
    @Any
    Instance<ProviderAdapter> beans;

    private final Map<ProviderCode, ProviderAdapter> adapters = new TreeMap<>();

    @PostConstruct
    void index() {
        for (ProviderAdapter adapter : beans) {
            ProviderAdapter earlier = adapters.put(adapter.provider(), adapter);
            if (earlier != null) {
                throw new IllegalStateException("Two adapters for " + adapter.provider() + ": " + earlier + ", " + adapter);
            }
        }
    }

    /** The provider's adapter, or empty when this version has none. */
    public Optional<ProviderAdapter> adapter(ProviderCode provider) {
        return Optional.ofNullable(adapters.get(provider));
    }

    /**
     * The code a request names, when this build serves it (or null for none named).
     *
     * @throws RequestValidationException naming the field and the codes served, for a provider with no adapter here
     */
    public ProviderCode served(ProviderCode provider, String field) {
        if (provider != null && !adapters.containsKey(provider)) {
            throw new RequestValidationException(field, "No provider " + provider + " is served here; the providers are "
                    + String.join(", ", adapters.keySet().stream().map(ProviderCode::name).toList()) + ".");
        }
        return provider;
    }

    /** A capability of the provider's adapter, or empty when it has none. */
    public <T> Optional<T> capability(ProviderCode provider, Class<T> capability) {
        ProviderAdapter adapter = adapters.get(provider);
        return capability.isInstance(adapter) ? Optional.of(capability.cast(adapter)) : Optional.empty();
    }

    /** What the provider can do for this account; nothing at all when this version has no adapter for it. */
    public Capabilities capabilities(Account account) {
        ProviderAdapter adapter = adapters.get(account.provider());
        return adapter == null ? Capabilities.NONE : adapter.capabilities(account);
    }

    /** Every adapter registered, by code. */
    public Collection<ProviderAdapter> all() {
        return Collections.unmodifiableCollection(adapters.values());
    }
}
