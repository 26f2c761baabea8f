package com.smshub.dispatch.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.dispatch.control.AttemptJournal.Attempt;
import com.smshub.dispatch.control.Failover.Verdict;
import com.smshub.kernel.LogContext;
import com.smshub.message.ClaimedMessage;
import com.smshub.metrics.control.GatewayMetrics;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.routing.entity.Route;

/**
 * Sends one dispatch: a message through the best route that takes it, or the messages of a dispatch group in one
 * request to the account chosen at acceptance. The decisions are {@link Failover}'s; here they are carried out
 * around the attempt journal: the attempt is committed before the provider is called (AttemptJournal#open), the
 * call sits in no transaction that holds the messages (ProviderCall), and the outcome is committed after it
 * (AttemptJournal#record), together with the next dispatch's attempt where several go one after another. A crash
 * between the provider's answer and that commit leaves the attempt open, for InterruptedAttempts to resolve; a
 * record the database refuses leaves the messages UNKNOWN. Neither sends the message again blindly. Runs in no
 * transaction of its own.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    /** A throttle's answer within this is no wait: the permit was there (a semaphore's own time). */
    private static final long WAIT_WORTH_COUNTING = 100_000;

    @Inject
    AttemptJournal journal;

    @Inject
    ProviderCall calls;

    @Inject
    Providers providers;

    @Inject
    AccountThrottle throttle;

    @Inject
    GatewayMetrics metrics;

    /**
     * A dispatch that did not go: its message ids and why ({@link DispatchRetryException}: nothing was sent), with
     * its attempt's tenant and account where an attempt was opened (null where not).
     */
    public record Failed(List<String> messageIds, RuntimeException cause, Long tenantId, Route at) {

        Failed(List<String> messageIds, RuntimeException cause) {
            this(messageIds, cause, null, null);
        }

        Failed(Attempt attempt, RuntimeException cause) {
            this(ids(attempt), cause, attempt.messages().get(0).tenantId(), attempt.at());
        }

        /** A log context naming what failed: its messages, their tenant and the account they went to. */
        public LogContext logContext() {
            return LogContext.messages(messageIds).put(LogContext.TENANT_ID, tenantId == null ? null : tenantId.toString())
                    .put(LogContext.PROVIDER, at == null ? null : at.account().provider().name())
                    .put(LogContext.ACCOUNT, at == null ? null : at.account().name());
        }
    }

    /** What a run of dispatches came to: how many of them were taken on (the rest are the caller's), which failed. */
    public record Run(int taken, List<Failed> failed) {
    }

    /**
     * Sends one dispatch: a single message, or a group accepted to go in one request (several ids).
     *
     * @throws DispatchRetryException when nothing was sent yet a later attempt may send it: the broker redelivers
     */
    public void dispatch(List<String> messageIds) {
        Run run = dispatchAll(List.of(messageIds), () -> false);
        if (!run.failed().isEmpty()) {
            throw run.failed().get(0).cause();
        }
    }

    /**
     * Sends dispatches one after another, each as {@link #dispatch} sends one, but with the outcome of a message
     * sent alone committed together with the attempt of the next (AttemptJournal#recordThenOpen): one commit a
     * message, as before the journal, and an attempt is open only while its own call is under way. A dispatch after the first is taken on only while
     * {@code moreInTime} says so. One that fails does not stop the others.
     */
    public Run dispatchAll(List<List<String>> dispatches, BooleanSupplier moreInTime) {
        try (LogContext context = LogContext.of()) {
            return dispatchAll(dispatches, moreInTime, context);
        }
    }

    private Run dispatchAll(List<List<String>> dispatches, BooleanSupplier moreInTime, LogContext context) {
        List<Failed> failed = new ArrayList<>();
        int at = 0;
        Attempt attempt = openOrFail(dispatches.get(0), failed);
        while (true) {
            while (attempt == null) {
                // unknown, handled by an earlier delivery of its JMS message, or under way: exactly once in effect
                if (at + 1 >= dispatches.size() || !moreInTime.getAsBoolean()) {
                    return new Run(at + 1, failed);
                }
                attempt = openOrFail(dispatches.get(++at), failed);
            }
            about(context, attempt);
            List<Verdict> verdicts = send(attempt);
            count(attempt, verdicts);
            List<String> nextIds = at + 1 < dispatches.size() && moreInTime.getAsBoolean() ? dispatches.get(at + 1) : null;
            Attempt next = null;
            String retry;
            if (nextIds == null) {
                retry = recordOrHold(attempt, verdicts, failed);
            } else if (attempt.group() || nextIds.size() > 1) {
                // a group pays one commit a group either way, and its outcome is best committed on its own: its
                // receipts (an SMSC sends them at once) wait for its rows' locks, not for the next group's claim
                retry = recordOrHold(attempt, verdicts, failed);
                next = openOrFail(nextIds, failed);
            } else {
                try {
                    AttemptJournal.Recorded recorded = journal.recordThenOpen(attempt, verdicts, nextIds);
                    retry = recorded.retry();
                    next = recorded.next();
                } catch (RuntimeException e) {
                    // the next claim may be what failed (a lock it waited for too long): each is tried on its own
                    LOG.log(Level.FINE, "Recording " + ids(attempt) + " with the attempt of " + nextIds + " failed; "
                            + "each is tried on its own", e);
                    retry = recordOrHold(attempt, verdicts, failed);
                    next = openOrFail(nextIds, failed);
                }
            }
            if (retry != null) {
                failed.add(new Failed(attempt, new DispatchRetryException(retry)));
            }
            if (nextIds == null) {
                return new Run(at + 1, failed);
            }
            at++;
            attempt = next;
        }
    }

    /** The log lines of this attempt name its messages, their tenant and the account it goes to. */
    private static void about(LogContext context, Attempt attempt) {
        Route route = attempt.at();
        context.put(LogContext.MESSAGE_ID, LogContext.ids(ids(attempt)))
                .put(LogContext.TENANT_ID, String.valueOf(attempt.messages().get(0).tenantId()))
                .put(LogContext.PROVIDER, route == null ? null : route.account().provider().name())
                .put(LogContext.ACCOUNT, route == null ? null : route.account().name());
    }

    private Attempt openOrFail(List<String> messageIds, List<Failed> failed) {
        try {
            Attempt attempt = journal.open(messageIds);
            if (attempt == null) {
                LOG.fine(() -> "Dispatch of " + messageIds + " skipped: not waiting for dispatch");
            }
            return attempt;
        } catch (RuntimeException e) {
            failed.add(new Failed(messageIds, e));
            return null;
        }
    }

    /** The provider call of an open attempt, and what each of its messages came to. */
    private List<Verdict> send(Attempt attempt) {
        try {
            return attempt.group() ? together(attempt) : List.of(alone(attempt));
        } catch (RuntimeException e) {
            // an adapter failing in a way it does not describe: the request may have left, so it is not sent again
            LOG.log(Level.WARNING, "Sending " + ids(attempt) + " failed unexpectedly; its outcome is unknown", e);
            return Collections.nCopies(attempt.messages().size(), attempt.at() == null
                    ? new Verdict.RetryLater("unexpected: " + e) : new Verdict.Unknown(attempt.at(), "the call failed: " + e));
        }
    }

    /** Each message's verdict as the provider's answer made it, by the route that gave it. */
    private void count(Attempt attempt, List<Verdict> verdicts) {
        for (Verdict verdict : verdicts) {
            Route route = attempt.at();
            String outcome;
            if (verdict instanceof Verdict.Submitted submitted) {
                route = submitted.route();
                outcome = "submitted";
            } else if (verdict instanceof Verdict.Unknown unknown) {
                route = unknown.route() == null ? route : unknown.route();
                outcome = "unknown";
            } else if (verdict instanceof Verdict.Rejected rejected) {
                route = rejected.route();
                outcome = "rejected";
                if (route != null) {
                    metrics.providerError(route.account().provider().name(), rejected.code());
                }
            } else if (verdict instanceof Verdict.Deferred) {
                outcome = "deferred";
            } else if (verdict instanceof Verdict.RetryLater) {
                outcome = "retry";
            } else {
                outcome = "alone";
            }
            metrics.dispatched(route == null ? GatewayMetrics.NONE : route.account().provider().name(),
                    route == null ? GatewayMetrics.NONE : route.account().name(), outcome);
        }
    }

    /** Records the outcome alone; should that fail, what the provider may have taken is held UNKNOWN. */
    private String recordOrHold(Attempt attempt, List<Verdict> verdicts, List<Failed> failed) {
        try {
            return journal.record(attempt, verdicts);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The outcome of sending " + ids(attempt) + " could not be recorded; what the provider may "
                    + "have taken becomes UNKNOWN, never sent again", e);
            try {
                journal.unrecorded(attempt, verdicts, e);
            } catch (RuntimeException again) {
                // the attempt stays open, for InterruptedAttempts to resolve as a crash's
                failed.add(new Failed(attempt, again));
            }
            return null;
        }
    }

    private static List<String> ids(Attempt attempt) {
        return attempt.messages().stream().map(ClaimedMessage::id).toList();
    }

    private Verdict alone(Attempt attempt) {
        ClaimedMessage message = attempt.messages().get(0);
        OutboundMessage outbound = new OutboundMessage(message.id(), message.recipient(), message.content());
        return Failover.walk(attempt.routes(), route -> providers.capability(route.account().provider(), MessageSending.class)
                .map(sender -> {
                    if (attempt.at() == null || attempt.at().account().id() != route.account().id()) {
                        journal.reroute(attempt, route); // committed before this route is called
                    }
                    return throttled(route, 1, () -> sender.send(outbound, route.account()), SendOutcome.Throttled::new);
                }));
    }

    /** A group in one request to its account; each message's verdict by its own outcome. */
    private List<Verdict> together(Attempt attempt) {
        List<ClaimedMessage> group = attempt.messages();
        Route through = attempt.at();
        List<OutboundMessage> outbound = group.stream().map(m -> new OutboundMessage(m.id(), m.recipient(), m.content())).toList();
        List<SendOutcome> outcomes = throttled(through, group.size(),
                () -> attempt.groupSender().sendGroup(outbound, through.account()),
                reason -> Collections.nCopies(group.size(), new SendOutcome.Throttled(reason)));
        if (outcomes.size() != group.size()) {
            throw new IllegalStateException(through.account().provider() + " answered " + outcomes.size() + " outcomes for "
                    + group.size() + " messages");
        }
        return Failover.group(through, outcomes);
    }

    /** The call to the adapter, within the account's limits; the busy answer when they leave no room now. */
    private <T> T throttled(Route route, int messages, Supplier<T> send, Function<String, T> busy) {
        String provider = route.account().provider().name();
        long asked = System.nanoTime();
        try (AccountThrottle.Permit permit = throttle.acquire(route.account(), messages, route.capabilities().window())) {
            long calling = System.nanoTime();
            if (permit == null || calling - asked > WAIT_WORTH_COUNTING) {
                metrics.throttled(provider, route.account().name(), Duration.ofNanos(calling - asked), permit == null);
            }
            if (permit == null) {
                return busy.apply("account " + route.account().name() + " is at its throttling limit");
            }
            try {
                return calls.call(route, send);
            } finally {
                metrics.call(provider, route.account().name(), Duration.ofNanos(System.nanoTime() - calling));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy.apply("interrupted before sending");
        }
    }
}
