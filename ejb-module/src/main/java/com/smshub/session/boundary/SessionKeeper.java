package com.smshub.session.boundary;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
import com.smshub.metrics.control.GatewayMetrics;
import com.smshub.platform.PeriodicJob;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.SessionProviding.ProviderSession;
import com.smshub.provider.spi.SessionProviding;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.session.control.SessionLeases;

/**
 * Owns the long-lived provider sessions (an SMPP bind): one per enabled account whose provider keeps one, on
 * exactly one node of a cluster at a time. Every few seconds (smshub.sessions.interval-ms, 5,000 by default)
 * it takes or renews each account's lease (SessionLeases, valid three intervals), opens the sessions it holds
 * that are not open, keeps the open ones alive, opens again a session that died (after 1, 2, 4 ... 60 s when
 * opening fails), opens afresh one whose account was reconfigured, and closes a session whose account was
 * disabled or whose lease another node holds. At shutdown it closes every session cleanly and gives its
 * leases up, so that another node takes them over at once. No transaction: it waits on the network.
 *
 * <p>The tick itself only renews leases, a quick write each; what waits on the network (a bind, an
 * enquire_link, an unbind) runs as a task of its own account on the managed executor, one at a time an account.
 * A slow bind thus never delays another account's renewal, nor its own: its lease is renewed while it binds,
 * so no second node binds the same account meanwhile.
 */
@ApplicationScoped
public class SessionKeeper implements PeriodicJob {

    private static final Logger LOG = Logger.getLogger(SessionKeeper.class.getName());
    private static final Duration MOST_BACKOFF = Duration.ofSeconds(60);

    @Resource
    ManagedExecutorService executor;

    @Inject
    AccountDirectory accounts;

    @Inject
    Providers providers;

    @Inject
    SessionLeases leases;

    @Inject
    ProviderEvents events;

    @Inject
    GatewayMetrics metrics;

    private final Duration interval = Configuration.millis("smshub.sessions.interval-ms", 5000);
    private final String node = SessionLeases.THIS_NODE;

    private record Held(Account account, ProviderSession session) {
    }

    /** When opening an account's session may next be tried, after failures, and how long the wait was. */
    private record Backoff(long notBeforeNanos, Duration delay) {
    }

    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private final Map<Long, Backoff> backoffs = new ConcurrentHashMap<>();
    /** Accounts with a task under way: a tick renews their lease and leaves them to it. */
    private final Set<Long> busy = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    @Override
    public String name() {
        return "provider-sessions";
    }

    @Override
    public Duration every() {
        return interval;
    }

    @Override
    public synchronized void run() {
        if (stopping) {
            return;
        }
        Set<Long> wanted = new HashSet<>();
        for (Account account : accounts.enabled()) {
            Optional<SessionProviding> provider = providers.capability(account.provider(), SessionProviding.class);
            // a provider may keep sessions for some accounts only (Masiv: those configured for SMPP)
            if (provider.isEmpty() || !providers.capabilities(account).has(Capabilities.Feature.SESSIONS)) {
                continue;
            }
            wanted.add(account.id());
            try {
                boolean ours = leases.acquire(account.id(), node, interval.multipliedBy(3));
                inTurn(account.id(), ours ? () -> maintain(account, provider.get()) : () -> close(account.id(),
                        "another node holds its lease"));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Session of " + account + " not maintained; the next tick tries again", e);
            }
        }
        for (Long id : Set.copyOf(held.keySet())) {
            if (!wanted.contains(id)) {
                inTurn(id, () -> {
                    close(id, "its account is disabled or no longer keeps a session");
                    leases.release(id, node);
                });
            }
        }
    }

    /** Runs the account's task unless one is under way (the next tick comes back to it). */
    private void inTurn(long accountId, Runnable task) {
        if (!busy.add(accountId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Session of account " + accountId + " not maintained; the next tick tries again", e);
                } finally {
                    busy.remove(accountId);
                }
            });
        } catch (RuntimeException e) {
            busy.remove(accountId);
            throw e;
        }
    }

    private void maintain(Account account, SessionProviding provider) {
        long id = account.id();
        Held current = held.get(id);
        if (current != null && !current.account().equals(account)) {
            close(id, "its account was reconfigured");
            current = null;
        }
        if (current != null && current.session().isAlive()) {
            current.session().keepAlive();
            return;
        }
        if (current != null) {
            close(id, "it is no longer alive");
        }
        Backoff backoff = backoffs.get(id);
        if (backoff != null && System.nanoTime() - backoff.notBeforeNanos() < 0) {
            return;
        }
        try {
            ProviderSession session = provider.open(account, events);
            if (stopping) {
                session.close(); // the server stopped while it bound
                return;
            }
            held.put(id, new Held(account, session));
            backoffs.remove(id);
            metrics.session(account.provider().name(), account.name(), () -> {
                Held now = held.get(id);
                return now == null ? 0 : now.session().inFlight();
            });
            LOG.info(() -> "Session of " + account + " opened on " + node);
        } catch (Exception e) {
            Duration wait = backoff == null ? Duration.ofSeconds(1)
                    : backoff.delay().multipliedBy(2).compareTo(MOST_BACKOFF) > 0 ? MOST_BACKOFF : backoff.delay().multipliedBy(2);
            backoffs.put(id, new Backoff(System.nanoTime() + wait.toNanos(), wait));
            LOG.log(Level.WARNING, "Session of " + account + " did not open; trying again in " + wait.toSeconds() + " s", e);
        }
    }

    private void close(long accountId, String why) {
        Held current = held.remove(accountId);
        if (current != null) {
            LOG.info(() -> "Session of " + current.account() + " closed: " + why);
            current.session().close();
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopping = true;
        for (Long id : Set.copyOf(held.keySet())) {
            close(id, "the server stops");
            try {
                leases.release(id, node);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Lease of account " + id + " not released; it expires on its own", e);
            }
        }
    }
}
