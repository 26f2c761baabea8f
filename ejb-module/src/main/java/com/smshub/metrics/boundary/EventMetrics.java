package com.smshub.metrics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import com.smshub.kernel.Counters;
import com.smshub.metrics.control.GatewayMetrics;

/**
 * The node's event counts ({@link Counters}: pushes refused, races settled, malformed PDUs answered) served with
 * the metrics as {@code smshub.events} tagged by the event's name, each from the moment it is first counted.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
public class EventMetrics {

    @Inject
    GatewayMetrics metrics;

    @PostConstruct
    void register() {
        Counters.whenNew(metrics::event);
    }
}
