package com.smshub.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * jobs at start), once the schema is migrated. Jobs of different names run side by side; a job's next run is set
 * when its last one ends (after {@link PeriodicJob#every()}), so two runs of a job never overlap on a node. An
 * interval timer would fire while a long run is still under way, and the container logs every such skipped expiry
 * as a warning (WFLYEJB0043: some 900 of them in a benchmark run, the relay's 100 ms outrun by a busy database).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    /** A scheduled job and its lock (null where it has none). */
    private record Scheduled(PeriodicJob job, SingleNodeTask lock) {
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
                    job.lock() == null ? null : new SingleNodeTask(job.lock(), Logger.getLogger(job.getClass().getName()))));
            if (previous != null) {
                throw new IllegalStateException("Two periodic jobs are named " + job.name());
            }
            timers.createSingleActionTimer(job.firstAfter().toMillis(), new TimerConfig(job.name(), false));
        }
        LOG.fine(() -> "Periodic jobs: " + scheduled.keySet());
    }

    @Timeout
    void tick(Timer timer) {
        Scheduled due = scheduled.get((String) timer.getInfo());
        if (due == null) {
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
            next(due.job());
        }
    }

    /** The job's next run, its interval from now; none once the deployment is going away. */
    private void next(PeriodicJob job) {
        try {
            timers.createSingleActionTimer(job.every().toMillis(), new TimerConfig(job.name(), false));
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, () -> job.name() + " not scheduled again: the timer service is stopping");
        }
    }
}
