package com.smshub.health.check;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the embedded broker takes a session and knows the dispatch queue. Without it an accepted request could
 * not be handed to dispatch.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    static final String NAME = "smshub-broker";

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem;
        try {
            problem = Gateway.readiness().brokerProblem();
        } catch (RuntimeException e) {
            problem = Optional.of(String.valueOf(e.getMessage()));
        }
        return problem.isEmpty() ? new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.empty())
                : new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("error", problem.get())));
    }
}
