package com.smshub.retention.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
import com.smshub.platform.SingleNodeTask;
import com.smshub.retention.control.Purge;

/**
 * Removes what is older than {@code smshub.retention.days} every {@code smshub.retention.interval-minutes}, on one
 * node at a time (the {@code retention} row of the sequencer table). Nothing runs while the days are 0, the default.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    /** Days a final message, its request and a message from a subscriber are kept; 0 keeps them for ever. */
    static final long DAYS = Configuration.number("smshub.retention.days", 0);

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    Purge purge;

    private final SingleNodeTask task = new SingleNodeTask("retention", LOG);

    @PostConstruct
    void start() {
        if (DAYS > 0) {
            long interval = Configuration.number("smshub.retention.interval-minutes", 60) * 60_000;
            timers.createIntervalTimer(interval, interval, new TimerConfig("retention", false));
            LOG.info(() -> "Retention: what is older than " + DAYS + " days is removed every " + interval / 60_000 + " minutes");
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void tick() {
        task.tick(dataSource, () -> purge.olderThan(OffsetDateTime.now(ZoneOffset.UTC).minusDays(DAYS), null));
    }
}
