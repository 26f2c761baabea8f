package com.smshub.health.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the enabled provider accounts, each probed as the contract's Ping probes it (an SMPP account: a session
 * bound somewhere in the cluster; an HTTP provider: its keep-alive answered, at most every couple of seconds, shared
 * with Ping). Each account is a data entry, {@code <PROVIDER>/<account>}: {@code UP 12 ms}, or {@code DOWN} and why.
 * The check is DOWN only when accounts are enabled and none answers: a node goes on accepting while one provider is
 * away (that is what the outbox is for), but with none it could send nothing, and a load balancer is better told.
 */
@Readiness
@ApplicationScoped
public class ProviderAccountsReadiness implements HealthCheck {

    static final String NAME = "smshub-provider-accounts";

    @Override
    public HealthCheckResponse call() {
        try {
            return of(Gateway.readiness().accounts());
        } catch (RuntimeException e) {
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("error", String.valueOf(e.getMessage()))));
        }
    }

    static HealthCheckResponse of(Map<String, String> accounts) {
        boolean anyUp = accounts.values().stream().anyMatch(state -> state.startsWith("UP"));
        // built directly rather than through HealthCheckResponse.named, which needs the server's implementation
        return new HealthCheckResponse(NAME, anyUp || accounts.isEmpty() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                accounts.isEmpty() ? Optional.empty() : Optional.of(new LinkedHashMap<>(accounts)));
    }
}
