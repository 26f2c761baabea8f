package com.smshub.health.check;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the gateway is deployed and its beans answer, with its version. Nothing outside the process decides it
 * (a database or provider away is readiness's concern): restarting a node for them would only lose its sessions.
 */
@Liveness
@ApplicationScoped
public class GatewayLiveness implements HealthCheck {

    static final String NAME = "smshub";

    @Override
    public HealthCheckResponse call() {
        try {
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP,
                    Optional.of(Map.of("version", Gateway.readiness().version())));
        } catch (RuntimeException e) {
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("error", String.valueOf(e.getMessage()))));
        }
    }
}
