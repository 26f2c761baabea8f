package com.smshub.dispatch.control;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.provider.spi.Account;

/**
 * Throttling per provider account on this node, around every adapter alike: at most {@code maxConcurrent}
 * requests at once (and never more than the provider's window of requests in flight) and
 * {@code maxPerSecond} messages a second, by a token bucket. A request that cannot get both within a second
 * is not made; dispatch puts its messages back in the outbox, where they wait their turn without spending
 * an attempt.
 */
@ApplicationScoped
public class AccountThrottle {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Map<Long, Limits> limits = new ConcurrentHashMap<>();

    /** A permit to call the account; close it when the call is over. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A permit for one request carrying this many messages, or null when the account is at its limit.
     *
     * @param window the most requests the provider takes in flight at once on the account
     */
    public Permit acquire(Account account, int messages, int window) throws InterruptedException {
        Integer concurrent = account.limits().concurrent() == null && window == Integer.MAX_VALUE ? null
                : Math.min(account.limits().concurrent() == null ? Integer.MAX_VALUE : account.limits().concurrent(), window);
        // an operator may change an account's limits: new limits start afresh
        Limits l = limits.compute(account.id(), (id, known) -> known != null && known.configuredAs(concurrent,
                account.limits().perSecond()) ? known : new Limits(concurrent, account.limits().perSecond()));
        long deadline = System.nanoTime() + WAIT_NANOS;
        if (l.concurrent != null && !l.concurrent.tryAcquire(WAIT_NANOS, TimeUnit.NANOSECONDS)) {
            return null;
        }
        if (l.rate != null && !take(l.rate, messages, deadline)) {
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

    private static boolean take(TokenBucket bucket, int messages, long deadline) throws InterruptedException {
        while (true) {
            long wait = bucket.take(messages);
            if (wait == 0) {
                return true;
            }
            if (System.nanoTime() + wait - deadline > 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static final class Limits {
        final Integer maxConcurrent;
        final Semaphore concurrent;
        final TokenBucket rate;

        Limits(Integer maxConcurrent, Integer perSecond) {
            this.maxConcurrent = maxConcurrent;
            this.concurrent = maxConcurrent == null ? null : new Semaphore(maxConcurrent);
            this.rate = perSecond == null ? null : new TokenBucket(perSecond, System::nanoTime);
        }

        boolean configuredAs(Integer maxConcurrent, Integer perSecond) {
            return Objects.equals(this.maxConcurrent, maxConcurrent)
                    && Objects.equals(rate == null ? null : rate.perSecond(), perSecond);
        }
    }
}
