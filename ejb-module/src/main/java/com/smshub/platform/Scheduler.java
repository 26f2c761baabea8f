package com.smshub.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Runs every {@link PeriodicJob} of the deployment on a timer of its own (not persistent: each node schedules its
 * jobs at start), once the schema is migrated. Jobs of different names run side by side; a job's run is skipped
 * while its previous one is still under way on this node.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    /** A scheduled job, its lock (null where it has none) and whether a run of it is under way. */
    private record Scheduled(PeriodicJob job, SingleNodeTask lock, AtomicBoolean running) {
    }

    @Resource
    TimerService timers;

    @Inject
    @Any
    Instance<PeriodicJob> jobs;

    @EJB
    LockedRun locked;

    private final Map<String, Scheduled> scheduled = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        for (PeriodicJob job : jobs) {
            if (job.every().isZero() || job.every().isNegative()) {
                continue;
            }
            Scheduled previous = scheduled.putIfAbsent(job.name(), new Scheduled(job,
                    job.lock() == null ? null : new SingleNodeTask(job.lock(), Logger.getLogger(job.getClass().getName())),
                    new AtomicBoolean()));
            if (previous != null) {
                throw new IllegalStateException("Two periodic jobs are named " + job.name());
            }
            timers.createIntervalTimer(job.firstAfter().toMillis(), job.every().toMillis(), new TimerConfig(job.name(), false));
        }
        LOG.fine(() -> "Periodic jobs: " + scheduled.keySet());
    }

    @Timeout
    void tick(Timer timer) {
        Scheduled due = scheduled.get((String) timer.getInfo());
        if (due == null || !due.running().compareAndSet(false, true)) {
            return;
        }
        try {
            if (due.lock() != null) {
                locked.run(due.lock(), due.job());
            } else {
                due.job().run();
            }
        } catch (RuntimeException e) {
            // a locked run has logged its failure already (SingleNodeTask)
            if (due.lock() == null) {
                LOG.log(Level.WARNING, due.job().name() + " failed; the next run tries again", e);
            }
        } finally {
            due.running().set(false);
        }
    }
}
