package com.smshub.e2e;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome (dispatch, a pushed report), failing with what was last seen. */
final class Await {

    private Await() {
    }

    static <T> T until(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + timeout + "; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
