package com.smshub.dispatch.control;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A rate limit: tokens refill continuously at {@code perSecond} and the bucket holds at most a tenth of a
 * second's worth (at least one), so any second lets through at most about 1.1 times the rate, where a fixed
 * one-second window let twice the rate through across its boundary. A request of several messages takes
 * one token each: it needs the bucket's worth at hand and may leave it in debt, which the next requests
 * wait out, so the rate holds on average whatever the request sizes.
 */
final class TokenBucket {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final int perSecond;
    /** Tokens are counted in billionths, so that refilling by the nanosecond stays exact. */
    private final long capacity;
    private final LongSupplier clock;
    private long tokens;
    private long last;

    TokenBucket(int perSecond, LongSupplier nanoClock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("at least 1 a second");
        }
        this.perSecond = perSecond;
        this.capacity = Math.max(SECOND, perSecond * (SECOND / 10));
        this.clock = nanoClock;
        this.tokens = capacity;
        this.last = nanoClock.getAsLong();
    }

    int perSecond() {
        return perSecond;
    }

    /**
     * Takes tokens for this many messages if they are there now; otherwise says how long to wait until they are.
     *
     * @return 0 when taken, else the nanoseconds until enough tokens have refilled
     */
    synchronized long take(int messages) {
        long now = clock.getAsLong();
        long elapsed = now - last;
        last = now;
        long room = capacity - tokens;
        // refill, without overflowing after a long idle time
        tokens = elapsed >= (room + perSecond - 1) / perSecond ? capacity : tokens + elapsed * perSecond;
        long needed = Math.min(messages * SECOND, capacity);
        if (tokens >= needed) {
            tokens -= messages * SECOND;
            return 0;
        }
        return (needed - tokens + perSecond - 1) / perSecond;
    }
}
