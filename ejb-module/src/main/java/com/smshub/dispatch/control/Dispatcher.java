package com.smshub.dispatch.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.provider.OutboundMessage;
import com.smshub.provider.ProviderAdapter;
import com.smshub.provider.ProviderAdapters;
import com.smshub.provider.SendOutcome;
import com.smshub.routing.control.Router;
import com.smshub.routing.entity.Route;
import com.smshub.sending.control.MessageStore;
import com.smshub.sending.entity.Msisdn;
import com.smshub.status.control.StatusLedger;
import com.smshub.status.entity.MessageStatus;
import com.smshub.status.entity.ProviderReport;

/**
 * Sends one queued message through the best route that takes it. Fails over to the next route only when
 * the message was certainly not sent; an ambiguous outcome makes it UNKNOWN, to be resolved by asking
 * the provider, never by sending again. Runs in the caller's transaction with the message row locked.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    /** How long after submission a message without a report is first asked about (smshub.status.first-poll-seconds). */
    static final java.time.Duration FIRST_POLL = java.time.Duration.ofSeconds(Long.getLong("smshub.status.first-poll-seconds", 600));

    @Inject
    MessageStore store;

    @Inject
    Router router;

    @Inject
    StatusLedger ledger;

    @Inject
    ProviderAdapters adapters;

    /**
     * @throws DispatchRetryException when no route took the message yet one may later: roll back, redeliver
     */
    public void dispatch(String messageId) {
        Optional<MessageStore.Dispatchable> found = store.claimForDispatch(messageId);
        if (found.isEmpty()) {
            // unknown, or handled by an earlier delivery of its JMS message: exactly once in effect
            LOG.fine(() -> "Dispatch of " + messageId + " skipped: not waiting for dispatch");
            return;
        }
        MessageStore.Dispatchable message = found.get();
        Msisdn recipient = new Msisdn(message.recipient());
        List<Route> routes = ordered(router.candidates(message.tenantId(), recipient, message.content()), message.accountId());
        OutboundMessage outbound = new OutboundMessage(message.id(), recipient, message.content());
        String retryReason = null;
        SendOutcome.Rejected lastRejection = null;
        for (Route route : routes) {
            ProviderAdapter adapter = adapters.of(route.account().getProvider());
            if (adapter == null) {
                continue;
            }
            SendOutcome outcome = adapter.send(outbound, route.account());
            String provider = route.account().getProvider().name();
            if (outcome instanceof SendOutcome.Accepted accepted) {
                ledger.assign(message.id(), provider, route.account().getId());
                ledger.apply(message.id(), MessageStatus.SUBMITTED, "DISPATCH",
                        new ProviderReport(route.account().getProvider(), accepted.rawStatus(), null,
                                accepted.providerMessageId()), null, null);
                // if no report arrives, the status poller asks the provider from then on
                ledger.checkAgainAt(message.id(), OffsetDateTime.now(ZoneOffset.UTC).plus(FIRST_POLL));
                return;
            } else if (outcome instanceof SendOutcome.Unknown unknown) {
                ledger.assign(message.id(), provider, route.account().getId());
                ledger.apply(message.id(), MessageStatus.UNKNOWN, "DISPATCH", null, "OUTCOME_UNKNOWN", unknown.reason());
                ledger.checkAgainAt(message.id(), OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1));
                return;
            } else if (outcome instanceof SendOutcome.Rejected rejected && !rejected.failover()) {
                ledger.assign(message.id(), provider, route.account().getId());
                ledger.apply(message.id(), MessageStatus.REJECTED, "DISPATCH",
                        new ProviderReport(route.account().getProvider(), rejected.code(), rejected.code(), null),
                        "PROVIDER_REJECTED", rejected.reason());
                return;
            } else if (outcome instanceof SendOutcome.Rejected rejected) {
                lastRejection = rejected;
            } else if (outcome instanceof SendOutcome.Retry retry) {
                retryReason = retry.reason();
            }
        }
        if (retryReason != null) {
            throw new DispatchRetryException(retryReason);
        }
        String reason = lastRejection != null ? lastRejection.reason() : "no route with a provider adapter takes this message";
        ledger.apply(message.id(), MessageStatus.REJECTED, "DISPATCH", null, "NO_ROUTE_ACCEPTED", reason);
    }

    /** The account chosen at acceptance first, then the others in routing order. */
    private static List<Route> ordered(List<Route> routes, Long chosenAccount) {
        List<Route> ordered = new ArrayList<>(routes.size());
        routes.stream().filter(r -> r.account().getId().equals(chosenAccount)).forEach(ordered::add);
        routes.stream().filter(r -> !r.account().getId().equals(chosenAccount)).forEach(ordered::add);
        return ordered;
    }
}
