package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.gateway.v1.StatusEvent;

/**
 * What the gateway does when SMS Pro misbehaves (the simulator told to): retried where the message was
 * certainly not sent, UNKNOWN and then resolved where it may have been, FAILED after the bounded attempts,
 * and duplicate or early reports change nothing twice. The tests' WildFly redelivers after 100 ms doubling,
 * times provider calls out after 3 s, and polls statuses after 2 s (arquillian.xml).
 */
@RunAsClient
class ProviderFaultsEndToEndIT extends SimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    private static String send(String text) throws GatewayFault {
        return Gateway.demo().sendSms(Requests.text(text, Requests.uniqueRecipient())).getResult().get(0).getMessageId();
    }

    private static MessageState awaitStatus(String id, MessageStatus status) {
        return Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == status);
    }

    @Test
    void unavailabilityIsRetriedUntilTheProviderTakesTheMessage() throws GatewayFault {
        Simulator.set("sendFailure=HTTP_503&failures=2");
        String id = send("Retried");
        awaitStatus(id, MessageStatus.DELIVERED);
        assertEquals("0", Simulator.state().get("failuresLeft"), "both failures were met");
        assertEquals(1, Simulator.counter("accepted"), "sent once, after two refused attempts");
        assertEquals(3, Simulator.counter("requests"));
    }

    @Test
    void persistentFailureEndsFailedWithTheReasonKept() throws GatewayFault {
        Simulator.set("sendFailure=HTTP_503");
        String id = send("Doomed");
        MessageState failed = awaitStatus(id, MessageStatus.FAILED);
        assertEquals("DEAD_LETTER", failed.getEvent().get(failed.getEvent().size() - 1).getSource());
        assertEquals("DISPATCH_FAILED", failed.getReasonCode());
        assertTrue(failed.getReason().contains("HTTP 503"), failed.getReason());
        assertEquals(0, Simulator.counter("accepted"));
    }

    @Test
    void aBadGatewayAfterTheProviderTookTheMessageIsUnknownNeverResent() throws GatewayFault {
        // a proxy in front of SMS Pro answers 502 for a request SMS Pro did take: no proof of anything
        Simulator.set("sendFailure=HTTP_502&failures=1&deliveryDelayMillis=3000");
        String id = send("Taken behind a proxy");
        MessageState unknown = awaitStatus(id, MessageStatus.UNKNOWN);
        assertEquals("OUTCOME_UNKNOWN", unknown.getReasonCode());
        assertTrue(unknown.getReason().contains("HTTP 502"), unknown.getReason());
        awaitStatus(id, MessageStatus.DELIVERED);
        assertEquals(1, Simulator.counter("accepted"), "the provider took it once; the gateway did not send it again");
        assertEquals(1, Simulator.counter("requests"), "nor tried it anywhere else");
    }

    @Test
    void aServerErrorProvesNothingEitherWay() throws GatewayFault {
        Simulator.set("sendFailure=HTTP_500&failures=1");
        String id = send("Maybe");
        MessageState unknown = awaitStatus(id, MessageStatus.UNKNOWN);
        assertTrue(unknown.getReason().contains("HTTP 500"), unknown.getReason());
        assertEquals(1, Simulator.counter("requests"), "a 500 may come after the work: never sent again blindly");
    }

    @Test
    void aRefusedDispatchHoldsBackNoneOfThoseQueuedWithIt() throws GatewayFault {
        // committed together, 32 messages are queued together: two dispatches to a JMS message, one message a
        // listener session; the one the provider refuses shares its JMS message with another
        Simulator.set("sendFailure=HTTP_503&failures=1");
        String[] recipients = new String[32];
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = Requests.uniqueRecipient();
        }
        List<RecipientResult> results = Gateway.demo().sendSms(Requests.text("Together", recipients)).getResult();
        for (RecipientResult result : results) {
            awaitStatus(result.getMessageId(), MessageStatus.DELIVERED);
        }
        assertEquals("0", Simulator.state().get("failuresLeft"), "one dispatch was refused");
        assertEquals(32, Simulator.counter("accepted"),
                "each sent once: the redelivered JMS message skipped the dispatch that had gone through beside the refused one");
        assertEquals(0, Simulator.counter("duplicates"));
        assertEquals(33, Simulator.counter("requests"), "32 and the one refused");
    }

    @Test
    void explicitRejectionIsFinal() throws GatewayFault {
        Simulator.set("sendFailure=STATUS_MINUS_2");
        String id = send("Refused");
        MessageState rejected = awaitStatus(id, MessageStatus.REJECTED);
        assertEquals("-2", rejected.getProviderStatus().getRawStatus(), "table 12 status -2");
    }

    @Test
    void timeoutMakesTheMessageUnknownUntilTheProviderReportsIt() throws GatewayFault {
        Simulator.set("sendFailure=SLOW&slowMillis=5000&deliveryDelayMillis=4000");
        String id = send("Slow provider");
        awaitStatus(id, MessageStatus.UNKNOWN);
        MessageState delivered = awaitStatus(id, MessageStatus.DELIVERED);
        List<MessageStatus> history = delivered.getEvent().stream().map(StatusEvent::getStatus).toList();
        assertEquals(List.of(MessageStatus.QUEUED, MessageStatus.UNKNOWN, MessageStatus.DELIVERED), history);
        assertEquals(1, Simulator.counter("accepted"), "never sent again blindly");
        assertEquals(1, Simulator.counter("requests"), "not even with the same request_id");
        assertEquals(0, Simulator.counter("duplicates"));
    }

    @Test
    void connectionResetAfterTheRequestMakesTheMessageUnknownUntilTheProviderReportsIt() throws GatewayFault {
        Simulator.set("sendFailure=RESET&failures=1&deliveryDelayMillis=4000");
        String id = send("Reset mid-answer");
        MessageState unknown = awaitStatus(id, MessageStatus.UNKNOWN);
        assertEquals("OUTCOME_UNKNOWN", unknown.getReasonCode());
        MessageState delivered = awaitStatus(id, MessageStatus.DELIVERED);
        List<MessageStatus> history = delivered.getEvent().stream().map(StatusEvent::getStatus).toList();
        assertEquals(List.of(MessageStatus.QUEUED, MessageStatus.UNKNOWN, MessageStatus.DELIVERED), history);
        assertEquals(null, delivered.getReasonCode(), "the reason went with the UNKNOWN it explained");
        assertEquals(1, Simulator.counter("accepted"), "the provider took it once; the gateway did not send it again");
        assertEquals(1, Simulator.counter("requests"), "not even with the same request_id");
        assertEquals(0, Simulator.counter("duplicates"));
    }

    @Test
    void anUnknownOutcomeNobodyCanResolveEndsUnresolvedAfterTheDeadlineAndIsNeverSentAgain() throws GatewayFault {
        // no mobilectrl_id came back to ask with (section 6.8 knows no other key), and no report is pushed
        Simulator.set("sendFailure=SLOW&slowMillis=5000&pushReports=false");
        String id = send("Lost in the post");
        awaitStatus(id, MessageStatus.UNKNOWN);
        MessageState unresolved = Await.until(Duration.ofSeconds(60), () -> Requests.status(id),
                s -> "UNRESOLVED".equals(s.getReasonCode()));
        assertEquals(MessageStatus.UNKNOWN, unresolved.getStatus(), "the documented final state: UNKNOWN, UNRESOLVED");
        assertTrue(unresolved.getReason().contains("not sent again"), unresolved.getReason());
        assertEquals(1, Simulator.counter("requests"), "asked about, waited for, never sent again");
    }

    @Test
    void authenticationRefusedByTheProviderFailsOverAndEndsRejectedWhenNoRouteIsLeft() throws GatewayFault {
        Simulator.set("sendFailure=HTTP_401");
        String id = send("Wrong password");
        MessageState rejected = awaitStatus(id, MessageStatus.REJECTED);
        assertEquals("NO_ROUTE_ACCEPTED", rejected.getReasonCode());
        assertTrue(rejected.getReason().contains("HTTP 401"), rejected.getReason());
        assertEquals(1, Simulator.counter("requests"), "refused before acceptance: not retried on the same account");
        assertEquals(0, Simulator.counter("accepted"));
    }

    @Test
    void intermediateReportArrivingAfterTheFinalOneChangesNothing() throws GatewayFault {
        Simulator.set("outOfOrderReports=true");
        String id = send("Out of order");
        MessageState delivered = awaitStatus(id, MessageStatus.DELIVERED);
        Await.until(WAIT, () -> Simulator.counter("reportsPushed"), n -> n >= 2);
        MessageState after = Requests.status(id);
        assertEquals(MessageStatus.DELIVERED, after.getStatus(), "a final status stays");
        assertEquals(List.of(MessageStatus.QUEUED, MessageStatus.SUBMITTED, MessageStatus.DELIVERED),
                after.getEvent().stream().map(StatusEvent::getStatus).toList());
        assertEquals(delivered.getUpdatedAt(), after.getUpdatedAt());
    }

    @Test
    void missingReportIsFetchedByPolling() throws GatewayFault {
        Simulator.set("pushReports=false");
        String id = send("Ask for me");
        MessageState delivered = awaitStatus(id, MessageStatus.DELIVERED);
        assertEquals("POLL", delivered.getEvent().get(delivered.getEvent().size() - 1).getSource(),
                "section 6.8 status request");
    }

    @Test
    void duplicateAndEarlyReportsChangeNothingTwice() throws GatewayFault {
        Simulator.set("duplicateReports=true&reportBeforeAnswer=true");
        String id = send("Reported twice, early");
        MessageState delivered = awaitStatus(id, MessageStatus.DELIVERED);
        Await.until(WAIT, () -> Simulator.counter("reportsPushed"), n -> n >= 2);
        MessageState after = Requests.status(id);
        long deliveredEvents = after.getEvent().stream().filter(e -> e.getStatus() == MessageStatus.DELIVERED).count();
        assertEquals(1, deliveredEvents, "two reports, one DELIVERED");
        assertTrue(after.getEvent().size() <= 3, after.getEvent().toString());
        assertEquals(delivered.getUpdatedAt(), after.getUpdatedAt());
    }
}
