package com.smshub.health.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.health.check.GatewayReadiness;
import com.smshub.health.control.BrokerProbe;
import com.smshub.health.control.DatabaseProbe;
import com.smshub.health.control.ProviderProbes;
import com.smshub.health.entity.AccountHealth;
import com.smshub.kernel.Liveness;
import com.smshub.platform.BuildInfo;

/**
 * What the server's health checks (health-module, in the EAR's lib/) ask the gateway: the database, the broker and
 * the provider accounts, probed as Ping probes them. No caller to check (the management interface asks,
 * unauthenticated) and no transaction: it only reads, and a provider probe may wait seconds.
 */
@Stateless
@Local(GatewayReadiness.class)
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Readiness implements GatewayReadiness {

    @Inject
    DatabaseProbe database;

    @Inject
    BrokerProbe broker;

    @Inject
    ProviderProbes providers;

    @Override
    public String version() {
        return BuildInfo.version();
    }

    @Override
    public boolean databaseUp() {
        return database.isUp();
    }

    @Override
    public Optional<String> brokerProblem() {
        return broker.problem();
    }

    @Override
    public Map<String, String> accounts() {
        Map<String, String> states = new LinkedHashMap<>();
        for (AccountHealth account : providers.probe(true)) {
            states.put(account.provider().name() + "/" + account.account(), state(account.liveness()));
        }
        return states;
    }

    /** {@code UP 12 ms}, {@code DOWN: <why>}, {@code NOT_CHECKED: <why>}. */
    static String state(Liveness liveness) {
        return liveness.state() == Liveness.State.UP ? "UP " + liveness.latency().toMillis() + " ms"
                : liveness.state() + (liveness.detail() == null ? "" : ": " + liveness.detail());
    }
}
