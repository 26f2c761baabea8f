package com.smshub.health.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.health.control.DatabaseProbe;
import com.smshub.health.control.ProviderProbes;
import com.smshub.health.entity.HealthReport;
import com.smshub.platform.BuildInfo;

/**
 * Liveness of the gateway and of each configured provider account (the contract's Ping). No transaction:
 * it only reads, and a probe may wait seconds on a provider.
 */
@Stateless
@RolesAllowed("tenant")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GatewayHealth {

    @Resource
    SessionContext session;

    @Inject
    DatabaseProbe database;

    @Inject
    ProviderProbes providers;

    public HealthReport check(boolean probeProviders) {
        boolean databaseUp = database.isUp();
        return new HealthReport(BuildInfo.version(), OffsetDateTime.now(ZoneOffset.UTC),
                session.getCallerPrincipal().getName(), databaseUp,
                databaseUp ? providers.probe(probeProviders) : List.of());
    }
}
