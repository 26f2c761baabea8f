package com.smshub.fakes;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;

/**
 * A provider that takes every message and counts each arrival by our id, for testing dispatch's attempt journal
 * without a simulator: it stands in for MOBIPACE, only in the test deployment that adds it and leaves MOBIPACE's
 * own adapter out.
 */
@ApplicationScoped
public class FakeSendingProvider implements ProviderAdapter, MessageSending {

    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Object> seen = new ConcurrentHashMap<>();
    private volatile Function<String, Object> probe;

    /** What {@code probe} reads while each later message is being sent (by our id), for {@link #seen}; null: nothing. */
    public void whileSending(Function<String, Object> probe) {
        this.probe = probe;
        seen.clear();
    }

    /** What the probe read while the message with our id was being sent, or null. */
    public Object seen(String messageId) {
        return seen.get(messageId);
    }

    /** How often the message with our id reached this provider. */
    public int arrivals(String messageId) {
        AtomicInteger n = arrivals.get(messageId);
        return n == null ? 0 : n.get();
    }

    @Override
    public SendOutcome send(OutboundMessage message, Account account) {
        arrivals.computeIfAbsent(message.messageId(), id -> new AtomicInteger()).incrementAndGet();
        Function<String, Object> reading = probe;
        if (reading != null) {
            seen.put(message.messageId(), reading.apply(message.messageId()));
        }
        return new SendOutcome.Accepted("fake-" + ids.incrementAndGet(), "0", false);
    }

    @Override
    public ProviderCode provider() {
        return ProviderCode.valueOf("MOBIPACE");
    }

    @Override
    public Capabilities capabilities(Account account) {
        return Capabilities.builder(765).build();
    }

    @Override
    public void checkSettings(Settings settings) {
        settings.allowOnly("the fake", Set.of());
    }

    @Override
    public Liveness probe(Account account) {
        return Liveness.notChecked("a fake");
    }
}
