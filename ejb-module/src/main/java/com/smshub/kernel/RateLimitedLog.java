package com.smshub.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A log line that anyone outside can cause (a refused push, a malformed PDU), written at most once a minute per
 * kind, with how many came since the last one: a flood is seen without flooding the log.
 */
public final class RateLimitedLog {

    private static final long EVERY_NANOS = 60_000_000_000L;

    private final Logger log;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final AtomicLong count = new AtomicLong();
        volatile long loggedAt = System.nanoTime() - EVERY_NANOS;
    }

    public RateLimitedLog(Logger log) {
        this.log = log;
    }

    /** Logs the message of this kind unless one was logged within the minute; then it is only counted. */
    public void warn(String kind, Supplier<String> message) {
        Window window = windows.computeIfAbsent(kind, k -> new Window());
        long count = window.count.incrementAndGet();
        long now = System.nanoTime();
        long last = window.loggedAt;
        if (now - last >= EVERY_NANOS) {
            synchronized (window) {
                if (window.loggedAt != last) {
                    return;
                }
                window.loggedAt = now;
                window.count.addAndGet(-count);
            }
            if (log.isLoggable(Level.WARNING)) {
                log.warning(message.get() + (count > 1 ? " (" + count + " of this kind in the last minute or so)" : ""));
            }
        }
    }
}
