package com.smshub.routing.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

import com.smshub.kernel.AddressRange;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.ProviderCode;

/**
 * A provider account as an operator defines it. The rules every account keeps are checked here; the
 * provider's own settings are checked by its adapter.
 *
 * @param endpointUrl   the account's base address (SMS Pro: up to {@code .../services/{customer}})
 * @param secret        the account's password; null keeps the stored one when an account is updated
 * @param maxPerSecond  at most this many messages a second through this node, or null for no limit
 * @param maxConcurrent at most this many requests at once from this node, or null for no limit
 * @param settings      the provider's own settings (docs/providers/<provider>.md), names and values
 * @param push          how the provider's pushes to the account authenticate beyond the key in their address
 * @param ambiguity     what becomes of a message whose attempt was cut off before its outcome was recorded
 *                      (docs/reliability.md); HOLD where not given
 */
public record AccountDefinition(ProviderCode provider, String endpointUrl, String username, String secret, boolean enabled,
        Integer maxPerSecond, Integer maxConcurrent, Map<String, String> settings, Push push, AmbiguityPolicy ambiguity) {

    /**
     * What a push to the account must show beyond the key in its address (docs/security.md).
     *
     * @param username  the HTTP Basic user the provider puts in the push address, or null for none
     * @param password  its password; null keeps the stored one when an account is updated
     * @param allowFrom the CIDR blocks pushes may come from; empty for anywhere
     */
    public record Push(String username, String password, List<String> allowFrom) {

        public static final Push NONE = new Push(null, null, List.of());

        public Push {
            if (username != null && (username.isEmpty() || username.length() > 128 || username.contains(":"))) {
                throw new InvalidValueException("pushUsername is 1-128 characters without ':'");
            }
            if (password != null && (password.isEmpty() || password.length() > 256)) {
                throw new InvalidValueException("pushPassword is 1-256 characters");
            }
            if (password != null && username == null) {
                throw new InvalidValueException("pushPassword goes with a pushUsername");
            }
            allowFrom = allowFrom == null ? List.of() : List.copyOf(allowFrom);
            for (String block : allowFrom) {
                AddressRange.parse(block);
            }
            if (String.join(",", allowFrom).length() > 1000) {
                throw new InvalidValueException("pushAllowFrom is at most 1000 characters in all");
            }
        }

        /** The blocks as stored: comma-separated, or null for anywhere. */
        public String allowFromColumn() {
            return allowFrom.isEmpty() ? null : String.join(",", allowFrom.stream().map(String::strip).toList());
        }
    }

    public AccountDefinition {
        if (provider == null) {
            throw new InvalidValueException("provider is required: the code of a provider this build serves");
        }
        if (endpointUrl == null || endpointUrl.length() > 512) {
            throw new InvalidValueException("endpointUrl is required, at most 512 characters");
        }
        try {
            URI uri = new URI(endpointUrl);
            if (!uri.isAbsolute() || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")
                    || uri.getScheme().equals("smpp"))) {
                throw new InvalidValueException("endpointUrl must be an absolute http, https or smpp address: " + endpointUrl);
            }
        } catch (URISyntaxException e) {
            throw new InvalidValueException("endpointUrl is not an address: " + e.getMessage());
        }
        if (username != null && username.length() > 128 || secret != null && secret.length() > 256) {
            throw new InvalidValueException("username is at most 128 characters, secret at most 256");
        }
        if (maxPerSecond != null && maxPerSecond < 1 || maxConcurrent != null && maxConcurrent < 1) {
            throw new InvalidValueException("maxPerSecond and maxConcurrent are at least 1, or absent for no limit");
        }
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        push = push == null ? Push.NONE : push;
        ambiguity = ambiguity == null ? AmbiguityPolicy.HOLD : ambiguity;
    }
}
