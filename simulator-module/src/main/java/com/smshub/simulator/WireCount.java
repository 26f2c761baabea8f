package com.smshub.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What reached a simulator, by the key that names a message on the wire: our id where the provider's request
 * carries it (SMS Pro's request_id, MyMobileAPI's customerid, MOBIPACE's Reference), else the recipient and text.
 * No provider here promises to deduplicate (docs/reliability.md), so a simulator takes every arrival and counts
 * here how many came again ({@code duplicates}): what a test reads to count messages sent twice on the wire.
 * Kept in the simulator's journal, so a restart still counts what came before it.
 */
public final class WireCount {

    private final Map<String, AtomicLong> arrivals = new ConcurrentHashMap<>();
    private final Switches switches;
    private final Journal journal;

    public WireCount(Switches switches, Journal journal) {
        this.switches = switches;
        this.journal = journal;
        switches.onReset(arrivals::clear);
    }

    /** Counts one arrival; whether the key came before (the arrival is a duplicate). */
    public boolean arrived(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        journal.append("K", key.strip());
        return count(key.strip());
    }

    /** A journal line written by {@link #arrived}, read back at start. */
    public boolean restore(String[] line) {
        if (line.length == 2 && "K".equals(line[0])) {
            count(line[1]);
            return true;
        }
        return false;
    }

    /** How often this key arrived. */
    public long arrivals(String key) {
        AtomicLong n = key == null ? null : arrivals.get(key.strip());
        return n == null ? 0 : n.get();
    }

    private boolean count(String key) {
        boolean again = arrivals.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet() > 1;
        if (again) {
            switches.count("duplicates");
        }
        return again;
    }
}
