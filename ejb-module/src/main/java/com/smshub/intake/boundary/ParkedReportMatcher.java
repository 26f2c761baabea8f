package com.smshub.intake.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.inbound.control.InboundStore;
import com.smshub.intake.control.ParkedReports;
import com.smshub.platform.PeriodicJob;

/**
 * Applies parked reports once their message is known, every second (one node at a time), in the same
 * transaction that forgets them; and deletes, with a warning, those that no message of ours has claimed in
 * two days (a message's status checks end long before: {@code smshub.status.deadline-seconds}). Once a minute it
 * also drops the parts of long messages from subscribers that never completed (InboundStore#expireParts): the
 * same kind of leftover a provider's traffic leaves, on the same one-node job.
 */
@ApplicationScoped
public class ParkedReportMatcher implements PeriodicJob {

    private static final Logger LOG = Logger.getLogger(ParkedReportMatcher.class.getName());
    private static final int CHUNK = 500;
    static final Duration KEPT = Duration.ofDays(2);

    @Inject
    ParkedReports parked;

    @Inject
    ProviderEventIntake events;

    @Inject
    InboundStore inbound;

    private volatile long partsSweptAtMillis;

    @Override
    public String name() {
        return "parked-report-matcher";
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(1);
    }

    @Override
    public String lock() {
        return "parked_reports";
    }

    @Override
    public void run() {
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
