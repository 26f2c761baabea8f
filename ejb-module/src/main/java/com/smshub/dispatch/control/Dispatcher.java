package com.smshub.dispatch.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.dispatch.control.Failover.Verdict;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.Reason;
import com.smshub.message.ClaimedMessage;
import com.smshub.message.Handover;
import com.smshub.message.MessageRepository;
import com.smshub.message.StatusUpdate;
import com.smshub.provider.spi.GroupSending;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.routing.control.Router;
import com.smshub.routing.entity.Route;
import com.smshub.status.control.CheckPolicy;

/**
 * Sends one dispatch: a message through the best route that takes it, or the messages of a dispatch group
 * in one request to the account chosen at acceptance. The decisions are {@link Failover}'s; here they are
 * carried out: the core throttles the account, calls the adapter's capability, and records the outcome on
 * the claimed rows. Runs in the caller's transaction with the message rows locked.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    static final String SOURCE = "DISPATCH";

    /** How long after submission a message without a report is first asked about (smshub.status.first-poll-seconds). */
    static final Duration FIRST_POLL = Duration.ofSeconds(Long.getLong("smshub.status.first-poll-seconds", 600));

    /** How long a message every route throttled waits before it is queued again. */
    static final Duration THROTTLED_WAIT = Duration.ofMillis(500);

    @Inject
    MessageRepository messages;

    @Inject
    Router router;

    @Inject
    Providers providers;

    @Inject
    AccountThrottle throttle;

    /**
     * Sends one dispatch: a single message, or a group accepted to go in one request (several ids).
     *
     * @throws DispatchRetryException when nothing was sent yet a later attempt may send it: roll back, redeliver
     */
    public void dispatch(List<String> messageIds) {
        // claimed in a fixed order: two dispatches that share messages (a redelivery, the sweeper) never deadlock
        List<ClaimedMessage> claimed = new ArrayList<>();
        messageIds.stream().sorted().forEach(id -> messages.claim(id).ifPresent(claimed::add));
        if (claimed.isEmpty()) {
            // unknown, or handled by an earlier delivery of its JMS message: exactly once in effect
            LOG.fine(() -> "Dispatch of " + messageIds + " skipped: not waiting for dispatch");
        } else if (claimed.size() == 1) {
            alone(claimed.get(0));
        } else {
            together(claimed);
        }
    }

    private void alone(ClaimedMessage message) {
        List<Route> routes = Failover.chosenFirst(router.candidates(message.tenantId(), message.recipient(), message.content()),
                message.accountId());
        OutboundMessage outbound = new OutboundMessage(message.id(), message.recipient(), message.content());
        Verdict verdict = Failover.walk(routes, route -> providers.capability(route.account().provider(), MessageSending.class)
                .map(sender -> throttled(route, 1, () -> sender.send(outbound, route.account()))));
        record(message, verdict);
    }

    /**
     * A group goes in one request to the account chosen at acceptance, or, when that can no longer be (an
     * operator changed the account or its routes), each of its messages goes back to the outbox to be
     * dispatched alone, with failover.
     */
    private void together(List<ClaimedMessage> group) {
        ClaimedMessage first = group.get(0);
        boolean sameText = group.stream().allMatch(m -> m.content().equals(first.content()));
        boolean sameAccount = group.stream().allMatch(m -> Objects.equals(m.accountId(), first.accountId()));
        Optional<Route> route = Router.through(router.candidates(first.tenantId(), first.recipient(), first.content()),
                first.accountId());
        Optional<GroupSending> sender = route.flatMap(r -> providers.capability(r.account().provider(), GroupSending.class));
        if (!sameAccount || sender.isEmpty() || route.get().capabilities().mostPerRequest(sameText) < group.size()) {
            group.forEach(m -> record(m, new Verdict.Alone("the group can no longer go in one request")));
            return;
        }
        List<OutboundMessage> outbound = group.stream()
                .map(m -> new OutboundMessage(m.id(), m.recipient(), m.content())).toList();
        Route through = route.get();
        List<SendOutcome> outcomes = throttled(through, group.size(), () -> sender.get().sendGroup(outbound, through.account()),
                reason -> Collections.nCopies(group.size(), new SendOutcome.Throttled(reason)));
        if (outcomes.size() != group.size()) {
            throw new IllegalStateException(through.account().provider() + " answered " + outcomes.size() + " outcomes for "
                    + group.size() + " messages");
        }
        List<Verdict> verdicts = Failover.group(through, outcomes);
        if (verdicts.stream().allMatch(Verdict.RetryLater.class::isInstance)) {
            throw new DispatchRetryException(((Verdict.RetryLater) verdicts.get(0)).reason());
        }
        for (int i = 0; i < group.size(); i++) {
            record(group.get(i), verdicts.get(i));
        }
    }

    private SendOutcome throttled(Route route, int messages, Supplier<SendOutcome> send) {
        return throttled(route, messages, send, SendOutcome.Throttled::new);
    }

    /** The call to the adapter, within the account's limits; the busy answer when they leave no room now. */
    private <T> T throttled(Route route, int messages, Supplier<T> send, Function<String, T> busy) {
        try (AccountThrottle.Permit permit = throttle.acquire(route.account(), messages, route.capabilities().window())) {
            if (permit == null) {
                return busy.apply("account " + route.account().name() + " is at its throttling limit");
            }
            return send.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy.apply("interrupted before sending");
        }
    }

    /** Carries out a verdict on a claimed message. */
    private void record(ClaimedMessage message, Verdict verdict) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (verdict instanceof Verdict.Submitted submitted) {
            Route route = submitted.route();
            SendOutcome.Accepted accepted = submitted.accepted();
            // where reports follow and none comes, the status poller asks the provider from then on
            messages.dispatched(message, handover(route), new StatusUpdate(MessageStatus.SUBMITTED, SOURCE,
                    new ProviderReport(route.account().provider(), accepted.rawStatus(), null, accepted.providerMessageId()),
                    accepted.reportsFollow() ? null : new Reason("NO_RECIPIENT_STATUS", "Sent in one request with other "
                            + "recipients; the provider reports no delivery status per recipient of such a request."),
                    accepted.reportsFollow() ? now.plus(FIRST_POLL) : null));
        } else if (verdict instanceof Verdict.Unknown unknown) {
            messages.dispatched(message, handover(unknown.route()), new StatusUpdate(MessageStatus.UNKNOWN, SOURCE, null,
                    new Reason("OUTCOME_UNKNOWN", unknown.reason()), now.plus(CheckPolicy.BACKOFF)));
        } else if (verdict instanceof Verdict.Rejected rejected && rejected.route() != null) {
            Route route = rejected.route();
            messages.dispatched(message, handover(route), new StatusUpdate(MessageStatus.REJECTED, SOURCE,
                    new ProviderReport(route.account().provider(), rejected.code(), rejected.code(), null),
                    new Reason("PROVIDER_REJECTED", rejected.reason()), null));
        } else if (verdict instanceof Verdict.Rejected rejected) {
            messages.dispatched(message, null, new StatusUpdate(MessageStatus.REJECTED, SOURCE, null,
                    new Reason(rejected.code(), rejected.reason()), null));
        } else if (verdict instanceof Verdict.Deferred deferred) {
            // a busy account is not a failed one: the message waits for it, back in the outbox, where the relay
            // queues it again once due, without spending one of its attempts
            messages.dispatchAgainAt(message.id(), now.plus(THROTTLED_WAIT));
            LOG.fine(() -> "Dispatch of " + message.id() + " deferred: " + deferred.reason());
        } else if (verdict instanceof Verdict.Alone alone) {
            LOG.info(() -> "Message " + message.id() + " leaves its dispatch group: " + alone.reason());
            messages.ungroup(message.id(), now);
        } else if (verdict instanceof Verdict.RetryLater retry) {
            throw new DispatchRetryException(retry.reason());
        }
    }

    private static Handover handover(Route route) {
        return new Handover(route.account().provider(), route.account().id());
    }
}
