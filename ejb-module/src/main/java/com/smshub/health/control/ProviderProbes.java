package com.smshub.health.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
import com.smshub.health.entity.AccountHealth;
import com.smshub.provider.spi.Account;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.Providers;
import com.smshub.routing.control.AccountDirectory;

/**
 * Probes every enabled provider account at once, so that Ping takes as long as the slowest account and
 * never longer than {@link #DEADLINE}. A probe answers every Ping for {@link #FRESH} after it started, and
 * Pings that arrive while it runs wait for it: monitoring that pings often, from many places, costs each
 * provider one keep-alive request in that time on each node, not one per Ping.
 */
@ApplicationScoped
public class ProviderProbes {

    /** The longest a Ping waits for provider accounts. */
    static final Duration DEADLINE = Duration.ofSeconds(15);

    /** How long a probe's answer serves later Pings (smshub.health.probe-fresh-ms). */
    static final Duration FRESH = Configuration.millis("smshub.health.probe-fresh-ms", 2000);

    /** A probe of one account as it was configured, and when it started. */
    private record Probe(Account account, long startedNanos, CompletableFuture<AccountHealth> health) {

        boolean serves(Account now, long nanos) {
            return nanos - startedNanos < FRESH.toNanos() && account.endpointUrl().equals(now.endpointUrl())
                    && Objects.equals(account.username(), now.username())
                    && Objects.equals(account.secret(), now.secret())
                    && account.settings().equals(now.settings());
        }
    }

    private final Map<Long, Probe> recent = new ConcurrentHashMap<>();

    @Inject
    AccountDirectory accounts;

    @Inject
    Providers providers;

    @Inject
    AccountProbe probes;

    @Resource
    ManagedExecutorService executor;

    /** The enabled accounts, each probed (or not) as asked. */
    public List<AccountHealth> probe(boolean probeProviders) {
        List<Account> enabled = accounts.enabled();
        List<CompletableFuture<AccountHealth>> probes = new ArrayList<>(enabled.size());
        for (Account account : enabled) {
            ProviderAdapter adapter = providers.adapter(account.provider()).orElse(null);
            if (!probeProviders) {
                probes.add(CompletableFuture.completedFuture(health(account, Liveness.notChecked("not requested"))));
            } else if (adapter == null) {
                probes.add(CompletableFuture.completedFuture(
                        health(account, Liveness.notChecked("no adapter for " + account.provider() + " in this version"))));
            } else {
                probes.add(probeOf(account, adapter));
            }
        }
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        List<AccountHealth> result = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            result.add(await(probes.get(i), enabled.get(i), deadline));
        }
        return result;
    }

    /** The account's fresh probe, or a new one. */
    private CompletableFuture<AccountHealth> probeOf(Account account, ProviderAdapter adapter) {
        long now = System.nanoTime();
        return recent.compute(account.id(), (id, probe) -> probe != null && probe.serves(account, now) ? probe
                : new Probe(account, now, CompletableFuture.supplyAsync(() -> health(account, probes.probe(account, adapter)), executor)))
                .health();
    }

    private static AccountHealth await(CompletableFuture<AccountHealth> probe, Account account, long deadline) {
        try {
            return probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // not cancelled: other Pings may share it, and the adapter's own request timeout ends it
            return health(account, Liveness.down(DEADLINE, "no answer within " + DEADLINE.toSeconds() + " s"));
        } catch (ExecutionException e) {
            return health(account, Liveness.down(Duration.ZERO, "probe failed: " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return health(account, Liveness.down(Duration.ZERO, "interrupted"));
        }
    }

    private static AccountHealth health(Account account, Liveness liveness) {
        return new AccountHealth(account.provider(), account.name(), liveness);
    }
}
