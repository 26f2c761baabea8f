package com.smshub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.Instance;

import org.junit.jupiter.api.Test;

/** The scheduler sets a job's next run when its last one ends: runs never overlap, and a failure does not stop the job. */
class SchedulerTest {

    /** The timers asked for, as "name after ms"; any other use of the timer service fails the test. */
    private final List<String> asked = new ArrayList<>();
    private boolean stopping;

    private final TimerService timers = (TimerService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {TimerService.class}, (proxy, method, args) -> {
                if (!method.getName().equals("createSingleActionTimer") || !(args[0] instanceof Long)) {
                    throw new AssertionError("the scheduler must not call " + method);
                }
                if (stopping) {
                    throw new IllegalStateException("timer service stopping");
                }
                asked.add(((TimerConfig) args[1]).getInfo() + " after " + args[0]);
                return null;
            });

    private static final class Job implements PeriodicJob {
        private final String name;
        private final RuntimeException failure;
        int runs;

        Job(String name, RuntimeException failure) {
            this.name = name;
            this.failure = failure;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Duration every() {
            return Duration.ofMillis(name.equals("off") ? 0 : 250);
        }

        @Override
        public Duration firstAfter() {
            return Duration.ofSeconds(3);
        }

        @Override
        public void run() {
            runs++;
            if (failure != null) {
                throw failure;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Scheduler scheduler(PeriodicJob... jobs) {
        Scheduler scheduler = new Scheduler();
        scheduler.timers = timers;
        scheduler.jobs = (Instance<PeriodicJob>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Instance.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("iterator")) {
                        Iterator<PeriodicJob> all = List.of(jobs).iterator();
                        return all;
                    }
                    throw new AssertionError("the scheduler must not call " + method);
                });
        scheduler.start();
        return scheduler;
    }

    private static Timer timer(String name) {
        return (Timer) Proxy.newProxyInstance(SchedulerTest.class.getClassLoader(), new Class<?>[] {Timer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getInfo")) {
                        return (Serializable) name;
                    }
                    throw new AssertionError("the scheduler must not call " + method);
                });
    }

    @Test
    void eachJobIsSetOnceAtStartAndAgainOnlyWhenItsRunEnds() {
        Job relay = new Job("relay", null);
        Scheduler scheduler = scheduler(relay, new Job("off", null));
        assertEquals(List.of("relay after 3000"), asked, "a job switched off (every zero) gets no timer");

        scheduler.tick(timer("relay"));
        scheduler.tick(timer("relay"));
        assertEquals(2, relay.runs);
        assertEquals(List.of("relay after 3000", "relay after 250", "relay after 250"), asked,
                "one timer a run, set after it: no interval timer fires into a run still under way");
    }

    @Test
    void aFailedRunIsScheduledAgain() {
        Job failing = new Job("failing", new IllegalStateException("database away"));
        Scheduler scheduler = scheduler(failing);
        scheduler.tick(timer("failing"));
        assertEquals(1, failing.runs);
        assertEquals(List.of("failing after 3000", "failing after 250"), asked);
    }

    @Test
    void aTimerServiceThatStopsEndsTheJobQuietly() {
        Job job = new Job("purge", null);
        Scheduler scheduler = scheduler(job);
        stopping = true;
        scheduler.tick(timer("purge"));
        assertEquals(1, job.runs);
        assertEquals(List.of("purge after 3000"), asked);
    }

    @Test
    void twoJobsOfOneNameAreRefused() {
        assertThrows(IllegalStateException.class, () -> scheduler(new Job("relay", null), new Job("relay", null)));
    }
}
