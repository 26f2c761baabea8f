package com.smshub.routing.entity;

import java.util.Map;

import com.smshub.kernel.ProviderCode;

/** A provider account as operators see it: everything but its secret, of which only whether it is set. */
public record AccountView(String name, ProviderCode provider, String endpointUrl, String username, boolean secretSet,
        boolean enabled, Integer maxPerSecond, Integer maxConcurrent, Map<String, String> settings) {
}
