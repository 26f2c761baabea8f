package com.smshub.provider.smpp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Account;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.PolledStatus;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.SessionHolders;
import com.smshub.provider.spi.SessionProviding.ProviderSession;
import com.smshub.provider.spi.StatusPolling;

/**
 * The SMPP sessions this node holds, by account: the session keeper opens them (one node per account), and
 * dispatch sends through them. A message dispatched on a node that does not hold its account's session waits
 * (Throttled: no attempt spent) while another node holds the session's lease, until a redelivery reaches that
 * node; where no node holds it, it is retried like any passing failure, spending its bounded attempts.
 */
@ApplicationScoped
public class SmppSessions {

    /**
     * The group key of every SMPP message: any messages may share a dispatch group (each still goes in its own
     * submit_sm), so that one dispatch fills the session's window.
     */
    public static final Object ANY_MESSAGE = "smpp";

    private final Map<Long, SmppConnection> open = new ConcurrentHashMap<>();

    @Inject
    SessionHolders holders;

    /** Binds a session for the account and keeps it for sending until the keeper closes it. */
    public ProviderSession open(ProviderCode provider, Account account, SmppSettings settings, ProviderEvents events,
            ReceiptErrors errors) throws IOException {
        SmppConnection connection = SmppConnection.open(provider, account, settings, events, errors);
        SmppConnection before = open.put(account.id(), connection);
        if (before != null) {
            before.close();
        }
        return new ProviderSession() {
            @Override
            public boolean isAlive() {
                return connection.isAlive();
            }

            @Override
            public void keepAlive() {
                connection.keepAlive();
            }

            @Override
            public int inFlight() {
                return connection.inFlight();
            }

            @Override
            public void close() {
                open.remove(account.id(), connection);
                connection.close();
            }
        };
    }

    /** A bound session is the proof SMPP offers: up while this node holds one, down otherwise. */
    public Liveness liveness(Account account) {
        SmppConnection connection = open.get(account.id());
        return connection != null && connection.isAlive() ? Liveness.up(Duration.ZERO, "session bound")
                : Liveness.down(Duration.ZERO, "no bound session on this node");
    }

    /** query_sm through the account's session on this node; nothing where this node holds none. */
    public Map<String, PolledStatus> query(List<StatusPolling.Query> queries, Account account) {
        SmppConnection connection = open.get(account.id());
        return connection == null ? Map.of() : connection.query(queries);
    }

    /** Sends a dispatch group through the account's session on this node, pipelined up to its window. */
    public List<SendOutcome> submitAll(List<OutboundMessage> messages, Account account) {
        SmppConnection connection = open.get(account.id());
        if (connection == null || !connection.isAlive()) {
            SendOutcome notHere = notHere(account);
            return messages.stream().map(m -> notHere).toList();
        }
        return connection.submitAll(messages);
    }

    /** Sends through the account's session on this node. */
    public SendOutcome submit(OutboundMessage message, Account account) {
        SmppConnection connection = open.get(account.id());
        if (connection == null || !connection.isAlive()) {
            return notHere(account);
        }
        return connection.submitAll(List.of(message)).get(0);
    }

    /** Without a session here: waits for the node that holds it, or is retried when none does. */
    SendOutcome notHere(Account account) {
        return holders.elsewhere(account.id()).<SendOutcome>map(node -> new SendOutcome.Throttled("the SMPP session of "
                + account.name() + " is held by node " + node + "; waiting for a dispatch there"))
                .orElseGet(() -> new SendOutcome.Retry("no bound SMPP session of " + account.name() + " on this node"));
    }
}
