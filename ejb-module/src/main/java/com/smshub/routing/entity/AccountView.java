package com.smshub.routing.entity;

import java.util.List;
import java.util.Map;

import com.smshub.kernel.ProviderCode;

/**
 * A provider account as operators see it: everything but its secrets (the password, the push key and the push
 * password), of which only whether they are set.
 */
public record AccountView(String name, ProviderCode provider, String endpointUrl, String username, boolean secretSet,
        boolean enabled, Integer maxPerSecond, Integer maxConcurrent, Map<String, String> settings, String pushUsername,
        List<String> pushAllowFrom, AmbiguityPolicy ambiguousAttempts) {
}
