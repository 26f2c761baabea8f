package com.smshub.fakes;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.Liveness;
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

    /** How often the message with our id reached this provider. */
    public int arrivals(String messageId) {
        AtomicInteger n = arrivals.get(messageId);
        return n == null ? 0 : n.get();
    }

    @Override
    public SendOutcome send(OutboundMessage message, Account account) {
        arrivals.computeIfAbsent(message.messageId(), id -> new AtomicInteger()).incrementAndGet();
        return new SendOutcome.Accepted("fake-" + ids.incrementAndGet(), "0", false);
    }

    @Override
    public ProviderCode provider() {
        return ProviderCode.MOBIPACE;
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
