package com.smshub.provider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.provider.entity.ProviderAccount;

/**
 * Throttling per provider account on this node: at most {@code max_concurrent} requests at once and
 * {@code max_per_second} messages a second. A send that cannot get a permit within a second is not made;
 * it is retried later like any message that was certainly not sent.
 */
@ApplicationScoped
public class AccountThrottle {

    private static final long WAIT_MILLIS = 1000;

    private final Map<Long, Limits> limits = new ConcurrentHashMap<>();

    /** A permit to call the account; close it when the call is over. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A permit for one request carrying this many messages (each counts against the rate; a request larger
     * than the rate takes a whole second), or null when the account is at its limit.
     */
    public Permit acquire(ProviderAccount account, int messages) throws InterruptedException {
        // an operator may change an account's limits: new limits start afresh
        Limits l = limits.compute(account.getId() == null ? -1L : account.getId(),
                (id, known) -> known != null && known.configuredAs(account) ? known : new Limits(account));
        if (l.concurrent != null && !l.concurrent.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            return null;
        }
        if (l.perSecond != null && !l.takeTokens(Math.min(messages, l.perSecond))) {
            if (l.concurrent != null) {
                l.concurrent.release();
            }
            return null;
        }
        return () -> {
            if (l.concurrent != null) {
                l.concurrent.release();
            }
        };
    }

    private static final class Limits {
        final Semaphore concurrent;
        final Integer perSecond;
        private long windowStart = System.nanoTime();
        private int used;

        final Integer maxConcurrent;

        Limits(ProviderAccount account) {
            this.maxConcurrent = account.getMaxConcurrent();
            this.concurrent = maxConcurrent == null ? null : new Semaphore(maxConcurrent);
            this.perSecond = account.getMaxPerSecond();
        }

        boolean configuredAs(ProviderAccount account) {
            return java.util.Objects.equals(maxConcurrent, account.getMaxConcurrent())
                    && java.util.Objects.equals(perSecond, account.getMaxPerSecond());
        }

        /** A fixed one-second window: simple, and never more than the limit in any window. */
        boolean takeTokens(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            while (true) {
                long wait;
                synchronized (this) {
                    long now = System.nanoTime();
                    if (now - windowStart >= 1_000_000_000L) {
                        windowStart = now;
                        used = 0;
                    }
                    if (used + count <= perSecond) {
                        used += count;
                        return true;
                    }
                    wait = 1_000_000_000L - (now - windowStart);
                    if (now + wait > deadline) {
                        return false;
                    }
                }
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }
}
