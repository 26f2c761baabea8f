package com.smshub.provider.mymsp;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.smpp.SmppSessions;
import com.smshub.provider.smpp.SmppSettings;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.GroupSending;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.PolledStatus;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.SessionProviding;
import com.smshub.provider.spi.Settings;
import com.smshub.provider.spi.StatusPolling;

/**
 * myMSP behind the provider boundary, over SMPP 3.4: a session per account held by the server, submit_sm
 * for each message (a text beyond one SMS as concatenated parts, or whole in message_payload, as the account
 * says), its status from the delivery receipts myMSP sends on the same session and from query_sm when one is
 * late, and messages from subscribers (their In-ID in the text) from deliver_sm.
 */
@ApplicationScoped
public class MyMspAdapter implements ProviderAdapter, MessageSending, GroupSending, SessionProviding, StatusPolling {

    /** myMSP's code: accounts name it, and the contract and the database write it. */
    public static final ProviderCode CODE = ProviderCode.valueOf("MYMSP");

    /** Section 3.3, result code 105: a text longer than 765 characters is refused. */
    static final int MOST_CHARACTERS = 765;

    @Inject
    SmppSessions sessions;

    @Override
    public ProviderCode provider() {
        return CODE;
    }

    @Override
    public Capabilities capabilities(Account account) {
        int window = settings(account).window();
        return Capabilities.builder(MOST_CHARACTERS).window(window).messagesPerRequest(window)
                .with(Feature.SESSIONS, Feature.STATUS_PUSH, Feature.STATUS_POLL, Feature.BINARY, Feature.FLASH,
                        Feature.SCHEDULING, Feature.VALIDITY, Feature.INBOUND).build();
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
    public Object groupKey(SmsContent content) {
        return SmppSessions.ANY_MESSAGE;
    }

    @Override
    public List<SendOutcome> sendGroup(List<OutboundMessage> messages, Account account) {
        return sessions.submitAll(messages, account);
    }

    @Override
    public Map<String, PolledStatus> poll(List<Query> queries, Account account) {
        return sessions.query(queries, account);
    }

    @Override
    public ProviderSession open(Account account, ProviderEvents events) throws Exception {
        return sessions.open(CODE, account, settings(account), events, MyMspCodes.INSTANCE);
    }

    private static SmppSettings settings(Account account) {
        return SmppSettings.of("myMSP", account, SmppSettings.Alphabet.GSM, Set.of());
    }
}
