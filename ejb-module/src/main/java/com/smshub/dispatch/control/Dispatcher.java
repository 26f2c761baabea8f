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
import com.smshub.message.MessageParts;
import com.smshub.message.MessageRepository;
import com.smshub.message.StatusUpdate;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.GroupSending;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.routing.control.Router;
import com.smshub.routing.entity.Route;
import com.smshub.session.control.AccountLocks;
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

    /**
     * How long after submission a message is first asked about where the provider tells by itself (pushed
     * reports, a status feed) and none came (smshub.status.first-poll-seconds): a fallback, so late.
     */
    static final Duration FIRST_POLL = Duration.ofSeconds(Long.getLong("smshub.status.first-poll-seconds", 600));

    /**
     * How long after submission a message is first asked about where asking is the only way to learn its status
     * (smshub.status.first-ask-seconds); later checks back off (CheckPolicy).
     */
    static final Duration FIRST_ASK = Duration.ofSeconds(Long.getLong("smshub.status.first-ask-seconds", 15));

    /** How long a message every route throttled waits before it is queued again. */
    static final Duration THROTTLED_WAIT = Duration.ofMillis(500);

    @Inject
    MessageRepository messages;

    @Inject
    MessageParts parts;

    @Inject
    Router router;

    @Inject
    Providers providers;

    @Inject
    AccountThrottle throttle;

    @Inject
    AccountLocks locks;

    /**
     * Sends one dispatch: a single message, or a group accepted to go in one request (several ids).
     *
     * @throws DispatchRetryException when nothing was sent yet a later attempt may send it: roll back, redeliver
     */
    public void dispatch(List<String> messageIds) {
        // claimed in a fixed order: two dispatches that share messages (a redelivery, the sweeper) never deadlock
        List<ClaimedMessage> claimed = messageIds.size() == 1
                ? messages.claim(messageIds.get(0)).map(List::of).orElse(List.of())
                : messages.claimAll(messageIds);
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
        record(List.of(message), List.of(verdict));
    }

    /**
     * A group goes in one request to the account chosen at acceptance, or, when that can no longer be (an
     * operator changed the account or its routes), each of its messages goes back to the outbox to be
     * dispatched alone, with failover.
     */
    private void together(List<ClaimedMessage> group) {
        ClaimedMessage first = group.get(0);
        Optional<Route> route = Router.through(router.candidates(first.tenantId(), first.recipient(), first.content()),
                first.accountId());
        Optional<GroupSending> sender = route.flatMap(r -> providers.capability(r.account().provider(), GroupSending.class));
        if (sender.isEmpty() || !groupable(group, sender.get(), route.get().capabilities())) {
            record(group, Collections.nCopies(group.size(), new Verdict.Alone("the group can no longer go in one request")));
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
        record(group, verdicts);
    }

    /** Whether the messages may still share one request to their account: one account, one group key, within its limit. */
    static boolean groupable(List<ClaimedMessage> group, GroupSending sender, Capabilities capabilities) {
        ClaimedMessage first = group.get(0);
        Object key = sender.groupKey(first.content());
        boolean sameText = true;
        for (ClaimedMessage m : group) {
            if (!Objects.equals(m.accountId(), first.accountId()) || !key.equals(sender.groupKey(m.content()))) {
                return false;
            }
            sameText &= m.content().equals(first.content());
        }
        return capabilities.mostPerRequest(sameText) >= group.size();
    }

    private SendOutcome throttled(Route route, int messages, Supplier<SendOutcome> send) {
        return throttled(route, messages, send, SendOutcome.Throttled::new);
    }

    /**
     * The call to the adapter, within the account's limits; the busy answer when they leave no room now. An
     * account whose provider takes one request at a time is also locked, on every node, until this
     * dispatch's transaction ends.
     */
    private <T> T throttled(Route route, int messages, Supplier<T> send, Function<String, T> busy) {
        try (AccountThrottle.Permit permit = throttle.acquire(route.account(), messages, route.capabilities().window())) {
            if (permit == null) {
                return busy.apply("account " + route.account().name() + " is at its throttling limit");
            }
            if (route.capabilities().has(Capabilities.Feature.ONE_REQUEST_AT_A_TIME)) {
                locks.lock(route.account().id());
            }
            return send.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy.apply("interrupted before sending");
        }
    }

    /** Carries out the verdicts on claimed messages: the outcomes recorded in batches, the others put back. */
    private void record(List<ClaimedMessage> claimed, List<Verdict> verdicts) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<MessageRepository.Dispatched> outcomes = new ArrayList<>(claimed.size());
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            ClaimedMessage message = claimed.get(i);
            Verdict verdict = verdicts.get(i);
            if (verdict instanceof Verdict.Submitted submitted) {
                Route route = submitted.route();
                SendOutcome.Accepted accepted = submitted.accepted();
                if (accepted.partIds().size() > 1) {
                    parts.record(message.id(), route.account().provider(), accepted.partIds());
                }
                // where reports follow and none comes, the status poller asks the provider from then on
                outcomes.add(new MessageRepository.Dispatched(message, handover(route), new StatusUpdate(MessageStatus.SUBMITTED,
                        SOURCE, new ProviderReport(route.account().provider(), accepted.rawStatus(), null, accepted.providerMessageId()),
                        accepted.reportsFollow() ? null : new Reason("NO_RECIPIENT_STATUS", "Sent in one request with other "
                                + "recipients; the provider reports no delivery status per recipient of such a request."),
                        accepted.reportsFollow() ? now.plus(firstCheck(route.capabilities())) : null)));
            } else if (verdict instanceof Verdict.Unknown unknown) {
                outcomes.add(new MessageRepository.Dispatched(message, handover(unknown.route()), new StatusUpdate(
                        MessageStatus.UNKNOWN, SOURCE, null, new Reason("OUTCOME_UNKNOWN", unknown.reason()),
                        now.plus(CheckPolicy.BACKOFF))));
            } else if (verdict instanceof Verdict.Rejected rejected && rejected.route() != null) {
                Route route = rejected.route();
                outcomes.add(new MessageRepository.Dispatched(message, handover(route), new StatusUpdate(MessageStatus.REJECTED,
                        SOURCE, new ProviderReport(route.account().provider(), rejected.code(), rejected.code(), null),
                        new Reason("PROVIDER_REJECTED", rejected.reason()), null)));
            } else if (verdict instanceof Verdict.Rejected rejected) {
                outcomes.add(new MessageRepository.Dispatched(message, null, new StatusUpdate(MessageStatus.REJECTED, SOURCE,
                        null, new Reason(rejected.code(), rejected.reason()), null)));
            } else if (verdict instanceof Verdict.Deferred deferred) {
                // a busy account is not a failed one: the message waits for it, back in the outbox, where the relay
                // queues it again once due, without spending one of its attempts
                waiting.add(message.id());
                LOG.fine(() -> "Dispatch of " + message.id() + " deferred: " + deferred.reason());
            } else if (verdict instanceof Verdict.Alone alone) {
                LOG.info(() -> "Message " + message.id() + " leaves its dispatch group: " + alone.reason());
                messages.ungroup(message.id(), now);
            } else if (verdict instanceof Verdict.RetryLater retry) {
                throw new DispatchRetryException(retry.reason());
            }
        }
        if (outcomes.size() == 1) {
            MessageRepository.Dispatched only = outcomes.get(0);
            messages.dispatched(only.message(), only.handover(), only.update());
        } else if (!outcomes.isEmpty()) {
            messages.dispatchedAll(outcomes);
        }
        if (!waiting.isEmpty()) {
            messages.dispatchAgainAt(waiting, now.plus(THROTTLED_WAIT));
        }
    }

    /** The wait before a submitted message is first asked about: soon where only asking tells, late where the provider tells. */
    static Duration firstCheck(Capabilities capabilities) {
        return capabilities.has(Capabilities.Feature.STATUS_PUSH) || capabilities.has(Capabilities.Feature.STATUS_FEED)
                ? FIRST_POLL : FIRST_ASK;
    }

    private static Handover handover(Route route) {
        return new Handover(route.account().provider(), route.account().id());
    }
}
