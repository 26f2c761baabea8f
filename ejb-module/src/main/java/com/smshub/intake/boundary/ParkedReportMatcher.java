package com.smshub.intake.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

import com.smshub.inbound.control.InboundStore;
import com.smshub.intake.control.ParkedReports;
import com.smshub.platform.SingleNodeTask;

/**
 * Applies parked reports once their message is known, every second (one node at a time), in the same
 * transaction that forgets them; and deletes, with a warning, those that no message of ours has claimed in
 * two days (a message's status checks end long before: {@code smshub.status.deadline-seconds}). Once a minute it
 * also drops the parts of long messages from subscribers that never completed (InboundStore#expireParts): the
 * same kind of leftover a provider's traffic leaves, on the same one-node job.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ParkedReportMatcher {

    private static final Logger LOG = Logger.getLogger(ParkedReportMatcher.class.getName());
    private static final int CHUNK = 500;
    static final Duration KEPT = Duration.ofDays(2);

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    ParkedReports parked;

    @Inject
    ProviderEventIntake events;

    @Inject
    InboundStore inbound;

    private volatile long partsSweptAtMillis;

    private final SingleNodeTask task = new SingleNodeTask("parked_reports", LOG);

    @PostConstruct
    void start() {
        timers.createIntervalTimer(1000, 1000, new TimerConfig("parked-report-matcher", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void tick() {
        task.tick(dataSource, this::match);
    }

    private void match() {
        List<ParkedReports.Parked> matched = parked.matched(CHUNK);
        if (!matched.isEmpty()) {
            events.reports(matched.stream().map(ParkedReports.Parked::report).toList());
            parked.delete(matched.stream().map(ParkedReports.Parked::id).toList());
            LOG.fine(() -> matched.size() + " parked reports applied");
        }
        int expired = parked.expire(Instant.now().minus(KEPT));
        if (expired > 0) {
            LOG.warning(() -> expired + " parked reports named no message of ours for " + KEPT.toDays() + " days; deleted");
        }
        if (System.currentTimeMillis() - partsSweptAtMillis > 60_000) {
            partsSweptAtMillis = System.currentTimeMillis();
            inbound.expireParts(Instant.now());
        }
    }
}
