package com.smshub.health.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import com.smshub.health.entity.AccountHealth;
import com.smshub.provider.Liveness;
import com.smshub.provider.ProviderAdapter;
import com.smshub.provider.ProviderAdapters;
import com.smshub.provider.entity.ProviderAccount;

/**
 * Probes every enabled provider account at once, so that Ping takes as long as the slowest account and
 * never longer than {@link #DEADLINE}.
 */
@ApplicationScoped
public class ProviderProbes {

    /** The longest a Ping waits for provider accounts. */
    static final Duration DEADLINE = Duration.ofSeconds(15);

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    @Inject
    ProviderAdapters adapters;

    @Resource
    ManagedExecutorService executor;

    /** The enabled accounts, each probed (or not) as asked. */
    public List<AccountHealth> probe(boolean probeProviders) {
        List<ProviderAccount> accounts = em.createNamedQuery(ProviderAccount.ENABLED, ProviderAccount.class)
                .getResultList();
        List<CompletableFuture<AccountHealth>> probes = new ArrayList<>(accounts.size());
        for (ProviderAccount account : accounts) {
            ProviderAdapter adapter = adapters.of(account.getProvider());
            if (!probeProviders) {
                probes.add(CompletableFuture.completedFuture(health(account, Liveness.notChecked("not requested"))));
            } else if (adapter == null) {
                probes.add(CompletableFuture.completedFuture(
                        health(account, Liveness.notChecked("no adapter for " + account.getProvider() + " in this version"))));
            } else {
                probes.add(CompletableFuture.supplyAsync(() -> health(account, adapter.probe(account)), executor));
            }
        }
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        List<AccountHealth> result = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            result.add(await(probes.get(i), accounts.get(i), deadline));
        }
        return result;
    }

    private static AccountHealth await(CompletableFuture<AccountHealth> probe, ProviderAccount account, long deadline) {
        try {
            return probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            return health(account, Liveness.down(DEADLINE, "no answer within " + DEADLINE.toSeconds() + " s"));
        } catch (ExecutionException e) {
            return health(account, Liveness.down(Duration.ZERO, "probe failed: " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return health(account, Liveness.down(Duration.ZERO, "interrupted"));
        }
    }

    private static AccountHealth health(ProviderAccount account, Liveness liveness) {
        return new AccountHealth(account.getProvider(), account.getName(), liveness);
    }
}
