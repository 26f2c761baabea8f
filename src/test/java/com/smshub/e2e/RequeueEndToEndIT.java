package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.StatusEvent;

/**
 * An operator sends a FAILED message again once its cause is mended: SMS Pro refused every attempt (503) until the
 * dead-letter queue drained the message to FAILED; with SMS Pro back, {@code POST /smshub/admin/messages/{id}/requeue}
 * puts it back in the outbox under the same id, SMS Pro takes it once, and the tenant reads its history: FAILED,
 * then QUEUED by the operator, then DELIVERED. One audit row says who did it, with the state before and after. A
 * message that is not FAILED is left as it is (409), an unknown one is 404.
 */
class RequeueEndToEndIT extends SimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aFailedMessageIsSentAgainOnceByAnOperatorAndItsHistoryKeepsBoth() throws Exception {
        Simulator.set("sendFailure=HTTP_503");
        String id = Gateway.demo().sendSms(Requests.text("Again", Requests.uniqueRecipient())).getResult().get(0).getMessageId();
        Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == MessageStatus.FAILED);
        assertEquals(0, Simulator.counter("accepted"), "SMS Pro took nothing while it refused");

        Simulator.reset();
        HttpResponse<String> requeued = Operator.call("POST", "messages/" + id + "/requeue", null);
        assertEquals(200, requeued.statusCode(), requeued.body());
        assertTrue(requeued.body().contains("\"status\":\"QUEUED\""), requeued.body());

        MessageState delivered = Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == MessageStatus.DELIVERED);
        assertEquals(1, Simulator.settledCounter("accepted"), "sent once, by the new attempt");
        List<String> history = delivered.getEvent().stream().map(e -> e.getStatus() + "/" + e.getSource()).toList();
        int failed = history.indexOf("FAILED/DEAD_LETTER");
        int queuedAgain = history.indexOf("QUEUED/OPERATOR");
        assertTrue(failed >= 0 && queuedAgain > failed, "FAILED kept, then QUEUED by the operator: " + history);
        StatusEvent last = delivered.getEvent().get(delivered.getEvent().size() - 1);
        assertEquals(MessageStatus.DELIVERED, last.getStatus(), history.toString());

        HttpResponse<String> audit = Operator.call("GET", "audit?subject=message/" + id, null);
        assertEquals(200, audit.statusCode(), audit.body());
        assertEquals(1, audit.body().split("\"action\":\"message.requeue\"", -1).length - 1, "one audit row: " + audit.body());
        assertTrue(audit.body().contains("\"operator\":\"operator\""), audit.body());

        HttpResponse<String> again = Operator.call("POST", "messages/" + id + "/requeue", null);
        assertEquals(409, again.statusCode(), "a DELIVERED message is not sent again: " + again.body());
        assertEquals(404, Operator.call("POST", "messages/no-such-message/requeue", null).statusCode());
        assertEquals(1, Simulator.counter("accepted"));
    }
}
