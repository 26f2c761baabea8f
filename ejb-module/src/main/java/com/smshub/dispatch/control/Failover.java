package com.smshub.dispatch.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.smshub.provider.spi.SendOutcome;
import com.smshub.routing.entity.Route;

/**
 * The rules of dispatch, in one place: what a provider's answer makes of a message, and when another route
 * may take it. Only an answer that certainly did not send the message lets another route try; an ambiguous
 * one makes it UNKNOWN, never sent again; a busy account keeps it waiting for that account rather than
 * spilling onto a route the operator ranked lower.
 */
final class Failover {

    private Failover() {
    }

    /** What becomes of a message. */
    sealed interface Verdict {

        /** The provider took it. */
        record Submitted(Route route, SendOutcome.Accepted accepted) implements Verdict {
        }

        /** It may have been sent: UNKNOWN, resolved by asking the provider. */
        record Unknown(Route route, String reason) implements Verdict {
        }

        /** Refused for good; {@code route} is the provider that refused it, or null when no route took it. */
        record Rejected(Route route, String code, String reason) implements Verdict {
        }

        /** The account is at its limit: back to the outbox for a moment, no attempt spent. */
        record Deferred(String reason) implements Verdict {
        }

        /** Certainly not sent and no route took it now: roll back, and the broker redelivers with back-off. */
        record RetryLater(String reason) implements Verdict {
        }

        /** A member of a group the account would not take as a group: dispatched again on its own, with failover. */
        record Alone(String reason) implements Verdict {
        }
    }

    /** A message with no usable route, or refused by every route that could be tried. */
    static final String NO_ROUTE = "NO_ROUTE_ACCEPTED";

    /**
     * One message over its routes in order until one decides it.
     *
     * @param send the outcome of sending through a route; empty when the route cannot be used (no adapter)
     */
    static Verdict walk(List<Route> routes, Function<Route, Optional<SendOutcome>> send) {
        String retry = null;
        SendOutcome.Rejected lastRejection = null;
        for (Route route : routes) {
            Optional<SendOutcome> sent = send.apply(route);
            if (sent.isEmpty()) {
                continue;
            }
            SendOutcome outcome = sent.get();
            if (outcome instanceof SendOutcome.Rejected rejected && rejected.failover()) {
                lastRejection = rejected;
            } else if (outcome instanceof SendOutcome.Retry passing) {
                retry = passing.reason();
            } else {
                return decided(route, outcome);
            }
        }
        if (retry != null) {
            return new Verdict.RetryLater(retry);
        }
        return new Verdict.Rejected(null, NO_ROUTE, lastRejection != null ? lastRejection.reason()
                : "no route with a provider adapter takes this message");
    }

    /**
     * The messages of one group request, each by its own outcome: no failover within a group, a member
     * another route might take goes alone. When nothing went out for any of them (every one must be tried
     * again), the whole group is retried later, as one.
     */
    static List<Verdict> group(Route route, List<SendOutcome> outcomes) {
        if (outcomes.stream().allMatch(SendOutcome.Retry.class::isInstance)) {
            return outcomes.stream().map(o -> (Verdict) new Verdict.RetryLater(((SendOutcome.Retry) o).reason())).toList();
        }
        List<Verdict> verdicts = new ArrayList<>(outcomes.size());
        for (SendOutcome outcome : outcomes) {
            if (outcome instanceof SendOutcome.Rejected rejected && rejected.failover()) {
                verdicts.add(new Verdict.Alone(rejected.reason()));
            } else if (outcome instanceof SendOutcome.Retry passing) {
                verdicts.add(new Verdict.Alone(passing.reason()));
            } else {
                verdicts.add(decided(route, outcome));
            }
        }
        return verdicts;
    }

    /** An outcome that settles the message on this route. */
    private static Verdict decided(Route route, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Accepted accepted) {
            return new Verdict.Submitted(route, accepted);
        } else if (outcome instanceof SendOutcome.Unknown unknown) {
            return new Verdict.Unknown(route, unknown.reason());
        } else if (outcome instanceof SendOutcome.Rejected rejected) {
            return new Verdict.Rejected(route, rejected.code(), rejected.reason());
        } else if (outcome instanceof SendOutcome.Throttled throttled) {
            return new Verdict.Deferred(throttled.reason());
        }
        throw new IllegalArgumentException("Not a settling outcome: " + outcome);
    }

    /** The account chosen at acceptance first, then the others in routing order. */
    static List<Route> chosenFirst(List<Route> routes, Long chosenAccount) {
        List<Route> ordered = new ArrayList<>(routes.size());
        routes.stream().filter(r -> chosenAccount != null && r.account().id() == chosenAccount).forEach(ordered::add);
        routes.stream().filter(r -> chosenAccount == null || r.account().id() != chosenAccount).forEach(ordered::add);
        return ordered;
    }
}
