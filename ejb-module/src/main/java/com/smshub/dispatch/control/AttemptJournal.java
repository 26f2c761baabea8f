package com.smshub.dispatch.control;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.smshub.kernel.Configuration;
import com.smshub.dispatch.control.Failover.Verdict;
import com.smshub.kernel.Counters;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.Reason;
import com.smshub.message.Attempts;
import com.smshub.message.ClaimedMessage;
import com.smshub.message.Handover;
import com.smshub.message.MessageParts;
import com.smshub.message.Outbox;
import com.smshub.message.StatusUpdate;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.GroupSending;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.routing.control.Router;
import com.smshub.routing.entity.Route;
import com.smshub.status.control.CheckPolicy;

/**
 * Dispatch's transactions, each committed on its own around the provider call that sits between them: the claim
 * that opens an attempt (one commit for a message or a whole dispatch group), the move of an attempt to the next
 * route, and the record of the outcome that closes it. Should the outcome's record fail, the messages the provider
 * may have taken become UNKNOWN in a last, smaller transaction; they are never queued again.
 */
@ApplicationScoped
public class AttemptJournal {

    private static final Logger LOG = Logger.getLogger(AttemptJournal.class.getName());
    static final String SOURCE = "DISPATCH";

    /**
     * How long after submission a message is first asked about where the provider tells by itself (pushed
     * reports, a status feed) and none came (smshub.status.first-poll-seconds): a fallback, so late.
     */
    static final Duration FIRST_POLL = Configuration.seconds("smshub.status.first-poll-seconds", 600);

    /**
     * How long after submission a message is first asked about where asking is the only way to learn its status
     * (smshub.status.first-ask-seconds); later checks back off (CheckPolicy).
     */
    static final Duration FIRST_ASK = Configuration.seconds("smshub.status.first-ask-seconds", 15);

    /** How long a message every route throttled waits before it is queued again. */
    static final Duration THROTTLED_WAIT = Duration.ofMillis(500);

    @Inject
    Outbox outbox;

    @Inject
    Attempts attempts;

    @Inject
    MessageParts parts;

    @Inject
    Router router;

    @Inject
    Providers providers;

    /**
     * An attempt under way: the messages it claimed, and for a message alone the routes to walk, for a group the
     * one route and the adapter's group sending. {@link #at} is the account it is going to now.
     */
    public static final class Attempt {
        private final List<ClaimedMessage> messages;
        private final List<Route> routes;
        private final GroupSending groupSender;
        private Route at;

        private Attempt(List<ClaimedMessage> messages, List<Route> routes, GroupSending groupSender, Route at) {
            this.messages = messages;
            this.routes = routes;
            this.groupSender = groupSender;
            this.at = at;
        }

        public List<ClaimedMessage> messages() {
            return messages;
        }

        List<Route> routes() {
            return routes;
        }

        boolean group() {
            return groupSender != null;
        }

        GroupSending groupSender() {
            return groupSender;
        }

        /** The route the attempt is going to now, or null before any (no route has an adapter). */
        Route at() {
            return at;
        }
    }

    /**
     * Claims a dispatch's messages and opens their attempt, committed before any provider is called: null when
     * nothing is waiting (an earlier delivery sent it, or an attempt is under way), or when a group can no longer go
     * in one request (an operator changed its account or routes): its messages go back to the outbox, each to be
     * dispatched alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Attempt open(List<String> messageIds) {
        return opening(messageIds);
    }

    private Attempt opening(List<String> messageIds) {
        // claimed in a fixed order: two dispatches that share messages (a redelivery, the sweeper) never deadlock
        Instant now = Instant.now();
        if (messageIds.size() == 1) {
            // claimed with its attempt open to the account chosen at acceptance; moved when routing now says otherwise
            ClaimedMessage message = outbox.claimOpening(messageIds.get(0), AttemptOwner.ME, now).orElse(null);
            if (message == null) {
                return null;
            }
            List<Route> routes = Failover.chosenFirst(router.candidates(message.tenantId(), message.recipient(), message.content()),
                    message.accountId());
            Route to = routes.stream().filter(r -> providers.capability(r.account().provider(), MessageSending.class).isPresent())
                    .findFirst().orElse(null);
            Long toAccount = to == null ? null : to.account().id();
            if (!Objects.equals(toAccount, message.accountId())) {
                attempts.reroute(message.id(), toAccount);
            }
            return new Attempt(List.of(message), routes, null, to);
        }
        List<ClaimedMessage> claimed = outbox.claimAll(messageIds);
        if (claimed.isEmpty()) {
            return null;
        }
        ClaimedMessage first = claimed.get(0);
        List<Route> candidates = router.candidates(first.tenantId(), first.recipient(), first.content());
        Optional<Route> route = Router.through(candidates, first.accountId());
        Optional<GroupSending> sender = route.flatMap(r -> providers.capability(r.account().provider(), GroupSending.class));
        if (sender.isEmpty() || !groupable(claimed, sender.get(), route.get().capabilities())) {
            OffsetDateTime due = now.atOffset(ZoneOffset.UTC);
            for (ClaimedMessage message : claimed) {
                LOG.info(() -> "Message " + message.id() + " leaves its dispatch group: the group can no longer go in one request");
                outbox.ungroup(message.id(), due);
            }
            return null;
        }
        attempts.open(claimed, route.get().account().id(), AttemptOwner.ME, now);
        return new Attempt(claimed, List.of(route.get()), sender.get(), route.get());
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

    /** A message alone moves on to the next route (the one before certainly did not send it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reroute(Attempt attempt, Route route) {
        attempts.reroute(attempt.messages.get(0).id(), route.account().id());
        attempt.at = route;
    }

    /**
     * Carries out the verdicts, closing the attempt: outcomes recorded in batches, the messages a busy account
     * deferred put back in the outbox, those a group would not take sent alone.
     *
     * @return the reason to try again later where nothing was sent and a later attempt may send it (the caller
     *         has the broker redeliver), else null
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String record(Attempt attempt, List<Verdict> verdicts) {
        return recording(attempt, verdicts);
    }

    /**
     * What {@link #record} and then {@link #open} do, in one commit: the outcome of one dispatch closes its attempt
     * and the next dispatch's attempt opens with it. Dispatch goes through a JMS message's dispatches one after
     * another, so this keeps one commit a dispatch (the journal's two commits an attempt, shared) while an attempt
     * is still open only while its own call is under way.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded recordThenOpen(Attempt attempt, List<Verdict> verdicts, List<String> nextMessageIds) {
        String retry = recording(attempt, verdicts);
        return new Recorded(retry, opening(nextMessageIds));
    }

    /** A recorded outcome ({@link #record}'s answer) and the attempt opened with it, or null (see {@link #open}). */
    public record Recorded(String retry, Attempt next) {
    }

    private String recording(Attempt attempt, List<Verdict> verdicts) {
        List<ClaimedMessage> claimed = attempt.messages;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Outbox.Dispatched> outcomes = new ArrayList<>(claimed.size());
        List<String> waiting = new ArrayList<>();
        List<String> retried = new ArrayList<>();
        String retry = null;
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
                outcomes.add(new Outbox.Dispatched(message, handover(route), new StatusUpdate(MessageStatus.SUBMITTED,
                        SOURCE, new ProviderReport(route.account().provider(), accepted.rawStatus(), null, accepted.providerMessageId()),
                        accepted.reportsFollow() ? null : new Reason("NO_RECIPIENT_STATUS", "Sent in one request with other "
                                + "recipients; the provider reports no delivery status per recipient of such a request."),
                        accepted.reportsFollow() ? now.plus(firstCheck(route.capabilities())) : null)));
            } else if (verdict instanceof Verdict.Unknown unknown) {
                outcomes.add(new Outbox.Dispatched(message, handover(unknown.route()), new StatusUpdate(
                        MessageStatus.UNKNOWN, SOURCE, null, new Reason("OUTCOME_UNKNOWN", unknown.reason()),
                        now.plus(CheckPolicy.BACKOFF))));
            } else if (verdict instanceof Verdict.Rejected rejected && rejected.route() != null) {
                Route route = rejected.route();
                outcomes.add(new Outbox.Dispatched(message, handover(route), new StatusUpdate(MessageStatus.REJECTED,
                        SOURCE, new ProviderReport(route.account().provider(), rejected.code(), rejected.code(), null),
                        new Reason("PROVIDER_REJECTED", rejected.reason()), null)));
            } else if (verdict instanceof Verdict.Rejected rejected) {
                outcomes.add(new Outbox.Dispatched(message, null, new StatusUpdate(MessageStatus.REJECTED, SOURCE,
                        null, new Reason(rejected.code(), rejected.reason()), null)));
            } else if (verdict instanceof Verdict.Deferred deferred) {
                // a busy account is not a failed one: the message waits for it, back in the outbox, where the relay
                // queues it again once due, without spending one of its attempts
                waiting.add(message.id());
                LOG.fine(() -> "Dispatch of " + message.id() + " deferred: " + deferred.reason());
            } else if (verdict instanceof Verdict.Alone alone) {
                LOG.info(() -> "Message " + message.id() + " leaves its dispatch group: " + alone.reason());
                outbox.ungroup(message.id(), now);
            } else if (verdict instanceof Verdict.RetryLater later) {
                retried.add(message.id());
                retry = retry == null ? later.reason() : retry;
            }
        }
        if (outcomes.size() == 1) {
            Outbox.Dispatched only = outcomes.get(0);
            outbox.dispatched(only.message(), only.handover(), only.update());
        } else if (!outcomes.isEmpty()) {
            outbox.dispatchedAll(outcomes);
        }
        if (!waiting.isEmpty()) {
            outbox.dispatchAgainAt(waiting, now.plus(THROTTLED_WAIT));
        }
        if (!retried.isEmpty()) {
            attempts.close(retried);
        }
        return retry;
    }

    /**
     * The outcome's record failed (the database refused it, or a lock it waited for timed out): each message the
     * provider may have taken becomes UNKNOWN with the reason, at the account it went to, never sent again, keeping
     * the provider's id where it answered with one; the others, certainly not sent, go back to the outbox. Counted
     * ({@code dispatch.outcome-unrecorded}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void unrecorded(Attempt attempt, List<Verdict> verdicts, RuntimeException failure) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> notSent = new ArrayList<>();
        for (int i = 0; i < attempt.messages.size(); i++) {
            ClaimedMessage message = attempt.messages.get(i);
            Verdict verdict = verdicts.get(i);
            Route route = verdict instanceof Verdict.Submitted s ? s.route() : verdict instanceof Verdict.Unknown u ? u.route() : null;
            if (route == null) {
                notSent.add(message.id());
                continue;
            }
            String said = verdict instanceof Verdict.Submitted s ? "took it (id " + s.accepted().providerMessageId() + ")"
                    : "gave no clear answer";
            Counters.increment("dispatch.outcome-unrecorded");
            // the provider's id kept (cut to its column, so that this write does not fail on it): its report, parked
            // until a message has the id, settles the message. A long message's parts are not recorded here, since
            // their rows may be what the database refused; their reports stay parked, and an operator settles it
            String providerId = verdict instanceof Verdict.Submitted s ? s.accepted().providerMessageId() : null;
            attempts.hold(new Attempts.OpenAttempt(message.id(), message.attempts() + 1, null, AttemptOwner.ME,
                    route.account().id(), route.account().provider(), "HOLD"), providerId, new Reason("OUTCOME_NOT_RECORDED",
                    cut("The provider " + said + ", and recording that failed: " + failure + ". Not sent again.")),
                    now.plus(CheckPolicy.BACKOFF), SOURCE);
        }
        if (!notSent.isEmpty()) {
            outbox.dispatchAgainAt(notSent, now);
        }
    }

    private static String cut(String text) {
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
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
