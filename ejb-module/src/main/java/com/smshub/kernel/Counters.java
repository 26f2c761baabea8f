package com.smshub.kernel;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of things operators watch that leave no row behind: pushes refused, races a unique key settled,
 * malformed PDUs answered. Named by dotted words ({@code push.refused.smspro.wrong-key}); counted since the node
 * started, per node; read by operators at {@code /smshub/admin/counters}. Cheap enough for any path.
 */
public final class Counters {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private Counters() {
    }

    public static void increment(String name) {
        COUNTS.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    public static void add(String name, long amount) {
        COUNTS.computeIfAbsent(name, n -> new LongAdder()).add(amount);
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
