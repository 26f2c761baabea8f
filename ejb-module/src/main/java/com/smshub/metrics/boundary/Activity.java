package com.smshub.metrics.boundary;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.metrics.control.GatewayMetrics;

/**
 * What this node counted since it started (messages accepted, statuses reported), for operators: the console
 * samples it and draws throughput and delivery as rates. Prometheus has the same counts, per provider and tenant.
 */
@Stateless
@RolesAllowed("operator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Activity {

    @Inject
    GatewayMetrics metrics;

    public Map<String, Double> totals() {
        return metrics.totals();
    }
}
