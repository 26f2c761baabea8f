package com.smshub.kernel;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts of things operators watch that leave no row behind: pushes refused, races a unique key settled,
 * malformed PDUs answered. Named by dotted words ({@code push.refused.smspro.wrong-key}); counted since the node
 * started, per node; read by operators at {@code /smshub/admin/counters} and served with the metrics
 * ({@code smshub_events_total{event="..."}}). Cheap enough for any path.
 */
public final class Counters {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private Counters() {
    }

    /** Told each name the first time it is counted. */
    private static volatile Consumer<String> whenNew = name -> {
    };

    public static void increment(String name) {
        counter(name).increment();
    }

    public static void add(String name, long amount) {
        counter(name).add(amount);
    }

    private static LongAdder counter(String name) {
        LongAdder count = COUNTS.get(name);
        if (count != null) {
            return count;
        }
        LongAdder made = new LongAdder();
        LongAdder prior = COUNTS.putIfAbsent(name, made);
        if (prior != null) {
            return prior;
        }
        whenNew.accept(name);
        return made;
    }

    /** Tells {@code listener} every name counted so far, and each new one from now on (the metrics' registration). */
    public static synchronized void whenNew(Consumer<String> listener) {
        whenNew = listener;
        COUNTS.keySet().forEach(listener);
    }

    public static long get(String name) {
        LongAdder count = COUNTS.get(name);
        return count == null ? 0 : count.sum();
    }

    /** Every count, by name. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        COUNTS.forEach((name, count) -> snapshot.put(name, count.sum()));
        return snapshot;
    }
}
