package com.smshub.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.smshub.dispatch.control.Failover.Verdict;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.routing.control.Routes;
import com.smshub.routing.entity.Route;

/** The rules of dispatch (docs/status-mapping.md, "dispatch" column): which answer lets another route try. */
class FailoverTest {

    private static final Route FIRST = Routes.route(1, "+46", 10, 1);
    private static final Route SECOND = Routes.route(2, "+46", 11, 2);
    private static final Route THIRD = Routes.route(3, "+", 12, 3);
    private static final List<Route> ROUTES = List.of(FIRST, SECOND, THIRD);

    private static final SendOutcome ACCEPTED = new SendOutcome.Accepted("p-1", "0");
    private static final SendOutcome REFUSED_FOR_THE_ACCOUNT = new SendOutcome.Rejected("1", "account problem", true);
    private static final SendOutcome REFUSED_FOR_GOOD = new SendOutcome.Rejected("-2", "not a correct request", false);
    private static final SendOutcome DOWN = new SendOutcome.Retry("HTTP 503");
    private static final SendOutcome TIMED_OUT = new SendOutcome.Unknown("no answer in 10 s");
    private static final SendOutcome BUSY = new SendOutcome.Throttled("at its limit");

    /** Sends through each route as the map says; records which routes were tried. */
    private static Verdict walk(Map<Route, SendOutcome> answers, List<Route> tried) {
        return Failover.walk(ROUTES, route -> {
            if (!answers.containsKey(route)) {
                return Optional.empty(); // a route whose provider has no adapter
            }
            tried.add(route);
            return Optional.of(answers.get(route));
        });
    }

    @Test
    void theFirstRouteThatAcceptsTakesIt() {
        List<Route> tried = new ArrayList<>();
        Verdict verdict = walk(Map.of(FIRST, ACCEPTED, SECOND, ACCEPTED), tried);
        assertEquals(new Verdict.Submitted(FIRST, (SendOutcome.Accepted) ACCEPTED), verdict);
        assertEquals(List.of(FIRST), tried);
    }

    @Test
    void aRefusalThatCertainlyDidNotSendFailsOverToTheNextRoute() {
        List<Route> tried = new ArrayList<>();
        Verdict verdict = walk(Map.of(FIRST, REFUSED_FOR_THE_ACCOUNT, SECOND, DOWN, THIRD, ACCEPTED), tried);
        assertEquals(new Verdict.Submitted(THIRD, (SendOutcome.Accepted) ACCEPTED), verdict);
        assertEquals(List.of(FIRST, SECOND, THIRD), tried);
    }

    @Test
    void anAmbiguousOutcomeNeverFailsOver() {
        List<Route> tried = new ArrayList<>();
        Verdict verdict = walk(Map.of(FIRST, TIMED_OUT, SECOND, ACCEPTED), tried);
        assertEquals(new Verdict.Unknown(FIRST, "no answer in 10 s"), verdict);
        assertEquals(List.of(FIRST), tried, "the second route was never asked: the first may have sent it");
    }

    @Test
    void aRefusalOfTheMessageItselfIsFinal() {
        List<Route> tried = new ArrayList<>();
        assertEquals(new Verdict.Rejected(FIRST, "-2", "not a correct request"),
                walk(Map.of(FIRST, REFUSED_FOR_GOOD, SECOND, ACCEPTED), tried));
        assertEquals(List.of(FIRST), tried);
    }

    @Test
    void aBusyAccountKeepsTheMessageRatherThanSpillingOntoALowerRoute() {
        List<Route> tried = new ArrayList<>();
        assertEquals(new Verdict.Deferred("at its limit"), walk(Map.of(FIRST, BUSY, SECOND, ACCEPTED), tried));
        assertEquals(List.of(FIRST), tried);
    }

    @Test
    void aPassingFailureEverywhereIsRetriedLaterAndOutranksRefusals() {
        assertEquals(new Verdict.RetryLater("HTTP 503"),
                walk(Map.of(FIRST, REFUSED_FOR_THE_ACCOUNT, SECOND, DOWN, THIRD, REFUSED_FOR_THE_ACCOUNT), new ArrayList<>()));
    }

    @Test
    void everyRouteRefusingOrNoneUsableRejectsWithTheLastReason() {
        Verdict refused = walk(Map.of(FIRST, REFUSED_FOR_THE_ACCOUNT, THIRD, new SendOutcome.Rejected("2", "last words", true)),
                new ArrayList<>());
        assertEquals(new Verdict.Rejected(null, Failover.NO_ROUTE, "last words"), refused);
        Verdict none = walk(Map.of(), new ArrayList<>());
        assertInstanceOf(Verdict.Rejected.class, none);
        assertNull(((Verdict.Rejected) none).route());
    }

    @Test
    void theAccountChosenAtAcceptanceGoesFirst() {
        assertEquals(List.of(SECOND, FIRST, THIRD), Failover.chosenFirst(ROUTES, 11L));
        assertEquals(ROUTES, Failover.chosenFirst(ROUTES, null));
        assertEquals(ROUTES, Failover.chosenFirst(ROUTES, 99L), "an account no longer routed to: routing order");
    }

    @Test
    void aGroupTakesEachMembersOwnOutcomeAndSendsAloneWhatAnotherRouteMightTake() {
        List<Verdict> verdicts = Failover.group(FIRST, List.of(ACCEPTED, REFUSED_FOR_THE_ACCOUNT, REFUSED_FOR_GOOD, TIMED_OUT,
                DOWN, BUSY));
        assertEquals(List.of(new Verdict.Submitted(FIRST, (SendOutcome.Accepted) ACCEPTED), new Verdict.Alone("account problem"),
                new Verdict.Rejected(FIRST, "-2", "not a correct request"), new Verdict.Unknown(FIRST, "no answer in 10 s"),
                new Verdict.Alone("HTTP 503"), new Verdict.Deferred("at its limit")), verdicts);
    }

    @Test
    void aGroupNoneOfWhichWentOutIsRetriedAsOne() {
        List<Verdict> verdicts = Failover.group(FIRST, List.of(DOWN, DOWN));
        assertEquals(List.of(new Verdict.RetryLater("HTTP 503"), new Verdict.RetryLater("HTTP 503")), verdicts);
    }
}
