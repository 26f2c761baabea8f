package com.smshub.provider.mymsp;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.ProviderCode;
import com.smshub.provider.smpp.SmppSessions;
import com.smshub.provider.smpp.SmppSettings;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.Liveness;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.SessionProviding;
import com.smshub.provider.spi.Settings;

/**
 * myMSP behind the provider boundary, over SMPP 3.4: a transceiver session per account held by the server,
 * submit_sm for each message (a text beyond one SMS whole in message_payload), its status from the delivery
 * receipts myMSP sends on the same session.
 */
@ApplicationScoped
public class MyMspAdapter implements ProviderAdapter, MessageSending, SessionProviding {

    /** Section 3.3, result code 105: a text longer than 765 characters is refused. */
    static final int MOST_CHARACTERS = 765;

    @Inject
    SmppSessions sessions;

    @Override
    public ProviderCode provider() {
        return ProviderCode.MYMSP;
    }

    @Override
    public Capabilities capabilities(Account account) {
        return Capabilities.builder(MOST_CHARACTERS).window(settings(account).window())
                .with(Feature.SESSIONS, Feature.STATUS_PUSH, Feature.BINARY, Feature.FLASH).build();
    }

    @Override
    public void checkSettings(Settings settings) {
        SmppSettings.check("myMSP", settings, SmppSettings.Alphabet.GSM, Set.of());
    }

    @Override
    public Liveness probe(Account account) {
        return sessions.liveness(account);
    }

    @Override
    public SendOutcome send(OutboundMessage message, Account account) {
        return sessions.submit(message, account);
    }

    @Override
    public ProviderSession open(Account account, ProviderEvents events) throws Exception {
        return sessions.open(ProviderCode.MYMSP, account, settings(account), events);
    }

    private static SmppSettings settings(Account account) {
        return SmppSettings.of("myMSP", account, SmppSettings.Alphabet.GSM, Set.of());
    }
}
