package com.smshub.health.check;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the gateway's database answers within two seconds. Without it nothing is accepted (every request is
 * persisted before it is answered), so a node whose database is down is taken out of service (503).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "smshub-database";

    @Override
    public HealthCheckResponse call() {
        boolean up;
        try {
            up = Gateway.readiness().databaseUp();
        } catch (RuntimeException e) {
            up = false;
        }
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.empty());
    }
}
