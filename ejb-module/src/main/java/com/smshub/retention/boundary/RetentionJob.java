package com.smshub.retention.boundary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
import com.smshub.platform.PeriodicJob;
import com.smshub.retention.control.Purge;

/**
 * Removes what is older than {@code smshub.retention.days} every {@code smshub.retention.interval-minutes}, on one
 * node at a time (the {@code retention} row of the sequencer table). Nothing runs while the days are 0, the default.
 */
@ApplicationScoped
public class RetentionJob implements PeriodicJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    /** Days a final message, its request and a message from a subscriber are kept; 0 keeps them for ever. */
    static final long DAYS = Configuration.number("smshub.retention.days", 0);

    @Inject
    Purge purge;

    private final Duration every = Duration.ofMinutes(Configuration.number("smshub.retention.interval-minutes", 60));

    @PostConstruct
    void start() {
        if (DAYS > 0) {
            LOG.info(() -> "Retention: what is older than " + DAYS + " days is removed every " + every.toMinutes() + " minutes");
        }
    }

    @Override
    public String name() {
        return "retention";
    }

    /** Off unless a number of days is configured. */
    @Override
    public Duration every() {
        return DAYS > 0 ? every : Duration.ZERO;
    }

    @Override
    public String lock() {
        return "retention";
    }

    @Override
    public void run() {
        purge.olderThan(OffsetDateTime.now(ZoneOffset.UTC).minusDays(DAYS), null);
    }
}
