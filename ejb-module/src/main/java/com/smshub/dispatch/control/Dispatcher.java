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
import com.smshub.provider.ProviderCode;
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
 * the provider, never by sending again. Runs in the caller's transaction with the message rows locked.
 * Messages accepted together for an account that takes several recipients a request come as one group.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    /** How long after submission a message without a report is first asked about (smshub.status.first-poll-seconds). */
    static final java.time.Duration FIRST_POLL = java.time.Duration.ofSeconds(Long.getLong("smshub.status.first-poll-seconds", 600));

    /** How long a message every route throttled waits before it is queued again. */
    static final java.time.Duration THROTTLED_WAIT = java.time.Duration.ofMillis(500);

    @Inject
    MessageStore store;

    @Inject
    Router router;

    @Inject
    StatusLedger ledger;

    @Inject
    ProviderAdapters adapters;

    /**
     * Sends one dispatch: a single message, or a group accepted to go in one request (several ids).
     *
     * @throws DispatchRetryException when no route took it yet one may later: roll back, redeliver
     */
    public void dispatch(List<String> messageIds) {
        if (messageIds.size() == 1) {
            dispatch(messageIds.get(0));
            return;
        }
        // claimed in a fixed order: two dispatches that share messages (a redelivery, the sweeper) never deadlock
        List<MessageStore.Dispatchable> claimed = new ArrayList<>();
        messageIds.stream().sorted().forEach(id -> store.claimForDispatch(id).ifPresent(claimed::add));
        if (claimed.size() == 1) {
            send(claimed.get(0));
        } else if (!claimed.isEmpty()) {
            sendTogether(claimed);
        }
    }

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
        send(found.get());
    }

    /**
     * A group goes in one request to the account chosen at acceptance, or, when that can no longer be (an
     * operator changed the account or its routes, the account refused the request), each of its messages
     * goes back to the outbox to be dispatched alone, with failover.
     */
    private void sendTogether(List<MessageStore.Dispatchable> group) {
        MessageStore.Dispatchable first = group.get(0);
        boolean alike = group.stream().allMatch(m -> m.content().equals(first.content())
                && java.util.Objects.equals(m.accountId(), first.accountId()));
        List<Route> routes = router.candidates(first.tenantId(), new Msisdn(first.recipient()), first.content());
        Route route = routes.stream().filter(r -> r.account().getId().equals(first.accountId())).findFirst().orElse(null);
        ProviderAdapter adapter = route == null ? null : adapters.of(route.account().getProvider());
        if (!alike || adapter == null || adapter.recipientsPerRequest(route.account()) < group.size()) {
            alone(group, "the group can no longer go in one request");
            return;
        }
        List<OutboundMessage> outbound = group.stream()
                .map(m -> new OutboundMessage(m.id(), new Msisdn(m.recipient()), m.content())).toList();
        SendOutcome outcome = adapter.sendTogether(outbound, route.account());
        ProviderCode provider = route.account().getProvider();
        long account = route.account().getId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (outcome instanceof SendOutcome.Accepted accepted) {
            for (MessageStore.Dispatchable m : group) {
                // the provider reports one status for the whole request: there is nothing to ask it per message
                ledger.dispatched(m.locked(), new StatusLedger.Handover(provider, account, null), MessageStatus.SUBMITTED,
                        new ProviderReport(provider, accepted.rawStatus(), null, accepted.providerMessageId()),
                        "NO_RECIPIENT_STATUS", "Sent in one request with " + group.size()
                                + " recipients; the provider reports no delivery status per recipient of such a request.");
            }
        } else if (outcome instanceof SendOutcome.Unknown unknown) {
            // no report will come for a request of several recipients, and no id was given to ask with
            for (MessageStore.Dispatchable m : group) {
                ledger.dispatched(m.locked(), new StatusLedger.Handover(provider, account, null),
                        MessageStatus.UNKNOWN, null, "OUTCOME_UNKNOWN", unknown.reason());
            }
        } else if (outcome instanceof SendOutcome.Rejected rejected && !rejected.failover()) {
            for (MessageStore.Dispatchable m : group) {
                ledger.dispatched(m.locked(), new StatusLedger.Handover(provider, account, null), MessageStatus.REJECTED,
                        new ProviderReport(provider, rejected.code(), rejected.code(), null), "PROVIDER_REJECTED", rejected.reason());
            }
        } else if (outcome instanceof SendOutcome.Rejected rejected) {
            alone(group, rejected.reason());
        } else if (outcome instanceof SendOutcome.Throttled) {
            group.forEach(m -> store.dispatchAgainAt(m.id(), now.plus(THROTTLED_WAIT)));
        } else if (outcome instanceof SendOutcome.Retry retry) {
            throw new DispatchRetryException(retry.reason());
        }
    }

    /** Back to the outbox, each message on its own. */
    private void alone(List<MessageStore.Dispatchable> group, String why) {
        LOG.info(() -> "A dispatch group of " + group.size() + " goes message by message: " + why);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        group.forEach(m -> store.ungroup(m.id(), now));
    }

    private void send(MessageStore.Dispatchable message) {
        String messageId = message.id();
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
            ProviderCode provider = route.account().getProvider();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (outcome instanceof SendOutcome.Accepted accepted) {
                // if no report arrives, the status poller asks the provider from then on
                ledger.dispatched(message.locked(), new StatusLedger.Handover(provider, route.account().getId(), now.plus(FIRST_POLL)),
                        MessageStatus.SUBMITTED, new ProviderReport(provider, accepted.rawStatus(), null,
                                accepted.providerMessageId()), null, null);
                return;
            } else if (outcome instanceof SendOutcome.Unknown unknown) {
                ledger.dispatched(message.locked(), new StatusLedger.Handover(provider, route.account().getId(), now.plusMinutes(1)),
                        MessageStatus.UNKNOWN, null, "OUTCOME_UNKNOWN", unknown.reason());
                return;
            } else if (outcome instanceof SendOutcome.Rejected rejected && !rejected.failover()) {
                ledger.dispatched(message.locked(), new StatusLedger.Handover(provider, route.account().getId(), null),
                        MessageStatus.REJECTED, new ProviderReport(provider, rejected.code(), rejected.code(), null),
                        "PROVIDER_REJECTED", rejected.reason());
                return;
            } else if (outcome instanceof SendOutcome.Rejected rejected) {
                lastRejection = rejected;
            } else if (outcome instanceof SendOutcome.Retry retry) {
                retryReason = retry.reason();
            } else if (outcome instanceof SendOutcome.Throttled throttled) {
                // a busy account is not a failed one: the message waits for it, back in the outbox, where the
                // relay queues it again once due, without spending one of its attempts or spilling onto a
                // route the operator ranked lower
                store.dispatchAgainAt(message.id(), now.plus(THROTTLED_WAIT));
                LOG.fine(() -> "Dispatch of " + messageId + " deferred: " + throttled.reason());
                return;
            }
        }
        if (retryReason != null) {
            throw new DispatchRetryException(retryReason);
        }
        String reason = lastRejection != null ? lastRejection.reason() : "no route with a provider adapter takes this message";
        ledger.dispatched(message.locked(), null, MessageStatus.REJECTED, null, "NO_ROUTE_ACCEPTED", reason);
    }

    /** The account chosen at acceptance first, then the others in routing order. */
    private static List<Route> ordered(List<Route> routes, Long chosenAccount) {
        List<Route> ordered = new ArrayList<>(routes.size());
        routes.stream().filter(r -> r.account().getId().equals(chosenAccount)).forEach(ordered::add);
        routes.stream().filter(r -> !r.account().getId().equals(chosenAccount)).forEach(ordered::add);
        return ordered;
    }
}
