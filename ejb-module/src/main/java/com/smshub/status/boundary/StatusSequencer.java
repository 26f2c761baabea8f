package com.smshub.status.boundary;

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

import com.smshub.message.StatusStore;
import com.smshub.platform.SingleNodeTask;

/**
 * Gives committed status changes their cursor value (seq), in the order they became visible, five times a
 * second. A change that commits late gets a later seq than those sequenced before it, so a reader of
 * GetStatusChanges, which sees only sequenced changes, never skips one. The sequencer row lock lets any
 * number of nodes run this side by side: one at a time sequences.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StatusSequencer {

    private static final Logger LOG = Logger.getLogger(StatusSequencer.class.getName());
    private static final int CHUNK = 5000;

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    StatusStore statuses;

    private final SingleNodeTask task = new SingleNodeTask("status_change", LOG);

    @PostConstruct
    void start() {
        timers.createIntervalTimer(1000, 200, new TimerConfig("status-sequencer", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void tick() {
        task.tick(dataSource, this::sequence);
    }

    /** Sequences up to one chunk of changes; a busy feed catches up over the following ticks. */
    private void sequence() {
        statuses.sequenceChanges(CHUNK);
    }
}
