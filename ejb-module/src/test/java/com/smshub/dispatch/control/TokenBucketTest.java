package com.smshub.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The account's rate by a token bucket, on a clock the test moves. */
class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** How many single messages go through in the given time, each taken as soon as the bucket allows. */
    private int through(TokenBucket bucket, long millis) {
        long end = now.get() + TimeUnit.MILLISECONDS.toNanos(millis);
        int taken = 0;
        while (true) {
            long wait = bucket.take(1);
            if (wait == 0) {
                taken++;
                continue;
            }
            if (now.get() + wait > end) {
                return taken;
            }
            now.addAndGet(wait);
        }
    }

    @Test
    void noSecondLetsMuchMoreThanTheRateThroughNotEvenAcrossAWindowBoundary() {
        TokenBucket bucket = new TokenBucket(100, now::get);
        advance(5_000); // idle long enough to fill up
        int first = through(bucket, 1_000);
        assertTrue(first >= 100 && first <= 111, "a second from idle: " + first); // a tenth of a second's burst at most
        int next = through(bucket, 1_000);
        assertTrue(next >= 99 && next <= 101, "then the rate: " + next);
    }

    @Test
    void aSlowRateLetsOneThroughAndThenMakesTheNextWait() {
        TokenBucket bucket = new TokenBucket(2, now::get);
        assertEquals(0, bucket.take(1));
        long wait = bucket.take(1);
        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), wait, "2 a second: the next one in half a second");
        advance(499);
        assertTrue(bucket.take(1) > 0);
        advance(1);
        assertEquals(0, bucket.take(1));
    }

    @Test
    void aRequestOfManyMessagesLeavesADebtTheNextOnesWaitOut() {
        TokenBucket bucket = new TokenBucket(10, now::get);
        assertEquals(0, bucket.take(50), "a request larger than the bucket goes when the bucket is full");
        long wait = bucket.take(1);
        assertTrue(wait >= TimeUnit.MILLISECONDS.toNanos(4_900), "50 messages at 10 a second: about 5 s of debt, not " + wait);
    }
}
