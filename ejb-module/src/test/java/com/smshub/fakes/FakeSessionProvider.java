package com.smshub.fakes;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.SessionProviding;
import com.smshub.provider.spi.Settings;

/**
 * A provider that keeps a connection, for testing the server's ownership of sessions without an SMSC:
 * it stands in for myMSP, only in the test deployment that adds it and leaves myMSP's own adapter out. Each session is a flag; the test can kill one or make opening fail.
 */
@ApplicationScoped
public class FakeSessionProvider implements ProviderAdapter, SessionProviding {

    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger keptAlive = new AtomicInteger();
    private final AtomicBoolean failOpening = new AtomicBoolean();
    private final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    private volatile String slowEndpoint;
    private volatile long slowMillis;

    public int attempts() {
        return attempts.get();
    }

    public int opened() {
        return opened.get();
    }

    public int keptAlive() {
        return keptAlive.get();
    }

    public void failOpening(boolean fail) {
        failOpening.set(fail);
    }

    /** Opening a session to this endpoint takes this long, as a bind to an SMSC that answers slowly does. */
    public void slowOpening(String endpoint, long millis) {
        slowEndpoint = endpoint;
        slowMillis = millis;
    }

    public List<FakeSession> sessions() {
        return sessions;
    }

    /** One session; {@link #kill()} drops it as a broken connection would. */
    public final class FakeSession implements ProviderSession {
        private final AtomicBoolean alive = new AtomicBoolean(true);
        private final Account account;

        FakeSession(Account account) {
            this.account = account;
        }

        public Account account() {
            return account;
        }

        public void kill() {
            alive.set(false);
        }

        @Override
        public boolean isAlive() {
            return alive.get();
        }

        @Override
        public void keepAlive() {
            keptAlive.incrementAndGet();
        }

        @Override
        public void close() {
            alive.set(false);
            closed.incrementAndGet();
        }
    }

    @Override
    public ProviderCode provider() {
        return ProviderCode.valueOf("MYMSP");
    }

    @Override
    public Capabilities capabilities(Account account) {
        return Capabilities.builder(765).with(Capabilities.Feature.SESSIONS).build();
    }

    @Override
    public void checkSettings(Settings settings) {
        settings.allowOnly("the fake", Set.of());
    }

    @Override
    public Liveness probe(Account account) {
        return Liveness.notChecked("a fake");
    }

    @Override
    public ProviderSession open(Account account, ProviderEvents events) {
        if (!account.name().startsWith("it-")) {
            // the demo's myMSP account: not this test's
            throw new IllegalStateException("the fake binds only the test's accounts");
        }
        attempts.incrementAndGet();
        if (account.endpointUrl().equals(slowEndpoint)) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failOpening.get()) {
            throw new IllegalStateException("the fake refuses to bind");
        }
        opened.incrementAndGet();
        FakeSession session = new FakeSession(account);
        sessions.add(session);
        return session;
    }

    /** The last session opened. */
    public FakeSession last() {
        return sessions.get(sessions.size() - 1);
    }

    public void reset() {
        attempts.set(0);
        opened.set(0);
        closed.set(0);
        keptAlive.set(0);
        failOpening.set(false);
        slowEndpoint = null;
        sessions.clear();
    }
}
