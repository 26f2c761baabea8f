package com.smshub.health.check;

import java.util.Map;
import java.util.Optional;

/**
 * What the health checks ask the gateway; implemented by the EJB module's {@code health.boundary.Readiness}, found
 * by its JNDI name ({@link #JNDI}).
 */
public interface GatewayReadiness {

    /** The session bean's global name, under the EAR (smshub) and the EJB module (smshub-ejb). */
    String JNDI = "java:global/smshub/smshub-ejb/Readiness!com.smshub.health.check.GatewayReadiness";

    String version();

    boolean databaseUp();

    /** Empty when the broker answers; else what went wrong. */
    Optional<String> brokerProblem();

    /**
     * Every enabled provider account, {@code <PROVIDER>/<account>}, with its state as Ping probes it: {@code UP 12 ms},
     * {@code DOWN: <why>} or {@code NOT_CHECKED: <why>}.
     */
    Map<String, String> accounts();
}
