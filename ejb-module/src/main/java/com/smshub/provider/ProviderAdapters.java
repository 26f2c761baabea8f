package com.smshub.provider;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The adapter of each provider this version speaks to, found once among the CDI beans. */
@ApplicationScoped
public class ProviderAdapters {

    @Inject
    @Any
    Instance<ProviderAdapter> beans;

    private final Map<ProviderCode, ProviderAdapter> adapters = new EnumMap<>(ProviderCode.class);

    @PostConstruct
    void index() {
        for (ProviderAdapter adapter : beans) {
            adapters.put(adapter.provider(), adapter);
        }
    }

    /** The provider's adapter, or null when this version has none. */
    public ProviderAdapter of(ProviderCode provider) {
        return adapters.get(provider);
    }
}
