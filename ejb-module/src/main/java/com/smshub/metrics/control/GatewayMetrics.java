package com.smshub.metrics.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.smshub.kernel.Counters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's meters, by the names docs/operations.md lists ({@code smshub.*}; in Prometheus' format dots become
 * underscores and counters end in {@code _total}). Tags are bounded sets: providers, accounts, tenants, statuses,
 * providers' error codes; never a message id or a number.
 * <p>
 * Meters are made through the registry's own methods ({@code counter}, {@code timer}, {@code gauge}): WildFly's
 * registry of a deployment forwards those to the server's, while a meter built with {@code Counter.builder(...)
 * .register(registry)} stays in the deployment's and is never served. For the same reason a latency's buckets are
 * counters of their own ({@code smshub.dispatch.call.within}, tagged {@code le} in seconds, cumulative, as
 * Prometheus' {@code histogram_quantile} reads them): the registry takes no distribution settings.
 */
@ApplicationScoped
public class GatewayMetrics {

    /** The tag of a message no account took (refused at acceptance). */
    public static final String NONE = "none";

    /** A provider call's latency buckets, in milliseconds (the last is everything). */
    static final long[] BUCKETS_MILLIS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000, Long.MAX_VALUE};

    /** From acceptance to a final status, in milliseconds: a second to a day (validity periods run to days). */
    static final long[] FINAL_BUCKETS_MILLIS = {1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000,
            3_600_000, 21_600_000, 86_400_000, Long.MAX_VALUE};

    @Inject
    MeterRegistry registry;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter[]> buckets = new ConcurrentHashMap<>();
    private volatile Supplier<Number> outboxDepth;
    /** The event names the event meters read, held here for the same reason. */
    private final Map<String, String> eventNames = new ConcurrentHashMap<>();
    /** What the session gauges read, held here: a gauge holds what it reads weakly. */
    private final Map<List<String>, Supplier<Number>> sessions = new ConcurrentHashMap<>();

    /** Messages stored at acceptance, by their status then (QUEUED, SCHEDULED, REJECTED). */
    public void accepted(String tenant, String provider, String account, String status, int count) {
        afterCommit(() -> counter("smshub.messages.accepted", "tenant", tenant, "provider", provider, "account", account,
                "status", status).increment(count));
    }

    /**
     * What a provider's answer to a dispatch came to, a message at a time: submitted, rejected, unknown (no answer
     * that says), retry (nothing left, tried again later), deferred (throttled), alone (a group's member sent again
     * on its own).
     */
    public void dispatched(String provider, String account, String outcome) {
        counter("smshub.messages.dispatched", "provider", provider, "account", account, "outcome", outcome).increment();
    }

    /** A provider's refusal of a message, by the provider's own code. */
    public void providerError(String provider, String code) {
        counter("smshub.provider.errors", "provider", provider, "code", code == null ? NONE : code).increment();
    }

    /** One call to a provider's adapter (a message, or a dispatch group's request). */
    public void call(String provider, String account, Duration took) {
        latency("smshub.dispatch.call", "smshub.dispatch.call.within", BUCKETS_MILLIS, took, "provider", provider, "account", account);
    }

    /** A message that reached a final status, for {@link #finalStatuses}. */
    public record Ended(String provider, String status, Duration sinceAcceptance) {
    }

    /**
     * A message reached a final status (DELIVERED, FAILED, EXPIRED, REJECTED, UNRESOLVED) this long after it was
     * accepted: the end-to-end latency an integrator sees, counted once the status has committed.
     */
    public void finalStatus(String provider, String status, Duration sinceAcceptance) {
        finalStatuses(List.of(new Ended(provider, status, sinceAcceptance)));
    }

    /** As {@link #finalStatus}, for the messages one write ended: one wait for the commit for all of them. */
    public void finalStatuses(List<Ended> ended) {
        if (!ended.isEmpty()) {
            afterCommit(() -> ended.forEach(e -> latency("smshub.message.final", "smshub.message.final.within", FINAL_BUCKETS_MILLIS,
                    e.sinceAcceptance(), "provider", e.provider(), "status", e.status())));
        }
    }

    /** A timer of this name and its cumulative bucket counters ({@code within}, tagged {@code le}). */
    private void latency(String name, String within, long[] bucketsMillis, Duration took, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(Arrays.asList(tags));
        timers.computeIfAbsent(key, k -> registry.timer(name, tags)).record(took);
        Counter[] counts = buckets.computeIfAbsent(key, k -> {
            Counter[] made = new Counter[bucketsMillis.length];
            String[] tagged = Arrays.copyOf(tags, tags.length + 2);
            tagged[tags.length] = "le";
            for (int i = 0; i < made.length; i++) {
                tagged[tags.length + 1] = le(bucketsMillis[i]);
                made[i] = registry.counter(within, tagged);
            }
            return made;
        });
        long millis = took.toMillis();
        for (int i = 0; i < bucketsMillis.length; i++) {
            if (millis <= bucketsMillis[i]) {
                counts[i].increment();
            }
        }
    }

    /** A bucket's bound as Prometheus writes it: seconds, or +Inf. */
    static String le(long bucketMillis) {
        return bucketMillis == Long.MAX_VALUE ? "+Inf" : BigDecimal.valueOf(bucketMillis, 3).stripTrailingZeros().toPlainString();
    }

    /** Time a dispatch waited for its account's throttle; and a dispatch put off because no room came. */
    public void throttled(String provider, String account, Duration waited, boolean putOff) {
        timers.computeIfAbsent(List.of("throttle", provider, account),
                k -> registry.timer("smshub.throttle.wait", "provider", provider, "account", account)).record(waited);
        if (putOff) {
            counter("smshub.throttle.deferred", "provider", provider, "account", account).increment();
        }
    }

    /** A status a provider reported that moved a message (a repeat or a late report is not counted). */
    public void reported(String provider, String status, int count) {
        afterCommit(() -> counter("smshub.messages.reported", "provider", provider, "status", status).increment(count));
    }

    /** A charge or refund's outcome: APPROVED, DECLINED, UNKNOWN, NOT_MADE. */
    public void charge(String provider, String kind, String outcome) {
        afterCommit(() -> counter("smshub.charges", "provider", provider, "kind", kind, "outcome", outcome).increment());
    }

    /** One of the node's event counts (kernel Counters), read when Prometheus scrapes. */
    public void event(String name) {
        String held = eventNames.computeIfAbsent(name, n -> n); // the meter holds what it reads weakly
        registry.more().counter("smshub.events", Tags.of("event", held), held, Counters::get);
    }

    /**
     * An account's session: requests in flight on it (an SMPP session's window in use), read when Prometheus scrapes;
     * 0 while this node holds no session of the account. Registered once an account.
     */
    public void session(String provider, String account, Supplier<Number> inFlight) {
        sessions.computeIfAbsent(List.of(provider, account), k -> {
            registry.gauge("smshub.session.in.flight", Tags.of("provider", provider, "account", account), inFlight,
                    d -> d.get().doubleValue());
            return inFlight;
        });
    }

    /** The outbox's depth as {@code depth} counts it, read when Prometheus scrapes. */
    public void outbox(Supplier<Number> depth) {
        outboxDepth = depth; // a gauge holds what it reads weakly
        registry.gauge("smshub.outbox.due", Tags.empty(), depth, d -> d.get().doubleValue());
    }

    /**
     * This node's counts since it started, for the operator console's chart: messages accepted, and each status
     * providers reported that moved a message (lower case: delivered, failed, ...). Read from the server's registry,
     * so a redeployment carries on counting.
     */
    public Map<String, Double> totals() {
        Map<String, Double> totals = new TreeMap<>();
        totals.put("accepted", registry.find("smshub.messages.accepted").counters().stream().mapToDouble(Counter::count).sum());
        for (Counter reported : registry.find("smshub.messages.reported").counters()) {
            String status = reported.getId().getTag("status");
            if (status != null) {
                totals.merge(status.toLowerCase(Locale.ROOT), reported.count(), Double::sum);
            }
        }
        return totals;
    }

    /**
     * The meters that read this deployment's objects leave the server's registry with the deployment. The registry
     * outlives a deployment (it is the server's), and a meter of the same name and tags registered again by the next
     * deployment would be taken for the old one, which reads an object gone with the old deployment: NaN for ever
     * after a redeployment. Counters and timers hold their own counts and are taken over as they are.
     */
    @PreDestroy
    void unregister() {
        for (String name : new String[] {"smshub.outbox.due", "smshub.session.in.flight", "smshub.events"}) {
            registry.find(name).meters().forEach(registry::remove);
        }
    }

    private Counter counter(String name, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(Arrays.asList(tags));
        return counters.computeIfAbsent(key, k -> registry.counter(name, tags));
    }

    /** Runs now outside a transaction; inside one, once it has committed (a rollback counts nothing). */
    void afterCommit(Runnable count) {
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
