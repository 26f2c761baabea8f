package com.smshub.simulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulator's switches (how it should behave: fail, stall, refuse) and counters (what it was sent), set and
 * read over its control address, {@code /smshub-simulator/<provider>/control} ({@link SimulatorControl}). A
 * switch has a default that {@link #reset()} brings back; {@code failures=N} makes the failure switches hold
 * for the next N requests only.
 */
public final class Switches {

    private final Map<String, String> defaults;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final AtomicLong failuresLeft = new AtomicLong(-1);
    private final List<Runnable> onReset = new CopyOnWriteArrayList<>();
    /** The last request to each recipient, decoded field by field, for a test to read as the provider would. */
    private final Map<String, Map<String, String>> received = new ConcurrentHashMap<>();

    public Switches(Map<String, String> defaults) {
        this.defaults = Map.copyOf(defaults);
        values.putAll(defaults);
    }

    public String get(String name) {
        return values.get(name);
    }

    public long number(String name) {
        return Long.parseLong(values.get(name));
    }

    public boolean on(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    /**
     * The failure a request should meet: the switch's value while failures are left (all of them when none
     * were counted), or its default once they are used up. Counts the request down.
     */
    public String failureNow(String name) {
        String value = values.get(name);
        if (value.equals(defaults.get(name))) {
            return value;
        }
        long left = failuresLeft.get();
        if (left == 0 || (left > 0 && failuresLeft.decrementAndGet() < 0)) {
            return defaults.get(name);
        }
        return value;
    }

    /** Sets a switch it knows; {@code failures} counts the failures to come. */
    public void set(String name, String value) {
        if (name.equals("failures")) {
            failuresLeft.set(Long.parseLong(value));
        } else if (defaults.containsKey(name)) {
            values.put(name, value);
        } else {
            throw new IllegalArgumentException("No switch " + name + "; there are " + defaults.keySet());
        }
    }

    public long count(String counter) {
        return counters.computeIfAbsent(counter, c -> new AtomicLong()).incrementAndGet();
    }

    /** A counter's value; 0 before anything was counted. */
    public long counted(String counter) {
        AtomicLong value = counters.get(counter);
        return value == null ? 0 : value.get();
    }

    public void add(String counter, long n) {
        counters.computeIfAbsent(counter, c -> new AtomicLong()).addAndGet(n);
    }

    /** Raises a high-water mark to {@code n} where it is lower. */
    public void most(String counter, long n) {
        counters.computeIfAbsent(counter, c -> new AtomicLong()).accumulateAndGet(n, Math::max);
    }

    /**
     * A control request ({@link SimulatorControl}, or the SMSC run on its own): with {@code reset=true} back to the
     * defaults first, then every other parameter but {@code to} set as a switch.
     *
     * @throws IllegalArgumentException naming a switch it does not know (nothing after it is set)
     */
    public void apply(Map<String, String> asked) {
        if ("true".equals(asked.get("reset"))) {
            reset();
        }
        for (Map.Entry<String, String> parameter : asked.entrySet()) {
            if (!parameter.getKey().equals("reset") && !parameter.getKey().equals("to")) {
                set(parameter.getKey(), parameter.getValue());
            }
        }
    }

    /** Every switch and counter, and with a recipient ({@code to}, may be null) its last request's fields: {@code name=value} lines, sorted. */
    public String describe(String to) {
        Map<String, Object> state = new TreeMap<>(state());
        if (to != null) {
            state.putAll(receivedBy(to));
        }
        StringBuilder lines = new StringBuilder();
        state.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        return lines.toString();
    }

    /** Keeps the fields of the last request to this recipient, as read from the wire. */
    public void received(String recipient, Map<String, String> fields) {
        received.put(recipient, Map.copyOf(fields));
    }

    /** The fields of the last request to this recipient, each as {@code received.<field>}; empty when none came. */
    public Map<String, Object> receivedBy(String recipient) {
        Map<String, Object> fields = new TreeMap<>();
        received.getOrDefault(recipient, Map.of()).forEach((name, value) -> fields.put("received." + name, value));
        return fields;
    }

    /** Forgets, on reset, what the simulator remembers beyond its switches (its ledger, its sessions). */
    public void onReset(Runnable forget) {
        onReset.add(forget);
    }

    public void reset() {
        onReset.forEach(Runnable::run);
        received.clear();
        values.clear();
        values.putAll(defaults);
        counters.values().forEach(c -> c.set(0));
        failuresLeft.set(-1);
    }

    /** Switches and counters, by name. */
    public Map<String, Object> state() {
        Map<String, Object> state = new TreeMap<>(values);
        counters.forEach((name, value) -> state.put(name, value.get()));
        state.put("failuresLeft", failuresLeft.get());
        return state;
    }
}
