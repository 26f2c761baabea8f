package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.HealthStatus;
import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.ProviderCode;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.gateway.v1.StatusEvent;

/**
 * myMSP over SMPP 3.4 through the SOAP contract, against the SMSC simulator: the demo routes Norwegian
 * numbers (+47) to the myMSP account, whose transceiver session the server binds and keeps; statuses come
 * back as delivery receipts in deliver_sm on that session.
 */
@RunAsClient
class MyMspEndToEndIT extends DeployedGateway {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ProviderSimulator SMSC = ProviderSimulator.SMSC;

    @BeforeEach
    void resetAndBound() {
        SMSC.reset();
        sessionBound();
    }

    /** Until Ping tells the myMSP account UP: this node holds its bound session. */
    private static void sessionBound() {
        Await.until(Duration.ofSeconds(90), () -> Requests.accountHealth("mymsp-simulator"), s -> s == HealthStatus.UP);
    }

    @AfterEach
    void resetSimulator() {
        SMSC.reset();
    }

    private static String number() {
        return "+474" + String.format("%07d", (int) (Math.random() * 10_000_000));
    }

    private static MessageState await(String id, MessageStatus status) {
        return Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == status);
    }

    @Test
    void aMessageGoesOverSmppAndItsReceiptMakesItDelivered() throws GatewayFault {
        RecipientResult accepted = Gateway.demo().sendSms(Requests.text("Hei fra SMS Hub", number())).getResult().get(0);
        assertEquals(ProviderCode.MYMSP, accepted.getProvider());
        MessageState delivered = await(accepted.getMessageId(), MessageStatus.DELIVERED);
        StatusEvent last = delivered.getEvent().get(delivered.getEvent().size() - 1);
        assertEquals("SMPP_RECEIPT", last.getSource());
        assertEquals("DELIVRD", last.getProviderStatus().getRawStatus());
        String providerId = delivered.getProviderStatus().getProviderMessageId();
        assertTrue(providerId.matches("[0-9a-f]+"), "the SMSC's hex id in its one canonical form: " + providerId);
        assertEquals(1, SMSC.counter("accepted"));
    }

    @Test
    void failedReceiptsConvergeOnTheCanonicalStatuses() throws GatewayFault {
        SMSC.set("outcome=UNDELIV");
        await(send("Lost"), MessageStatus.UNDELIVERED);
        SMSC.set("outcome=EXPIRED");
        await(send("Too late"), MessageStatus.EXPIRED);
        SMSC.set("outcome=REJECTD");
        await(send("Refused"), MessageStatus.REJECTED);
    }

    @Test
    void aReceiptSentTwiceIsRecordedOnceAndChangesNothing() throws GatewayFault {
        SMSC.set("duplicateReceipts=true");
        String id = send("Twice");
        MessageState delivered = await(id, MessageStatus.DELIVERED);
        Await.until(WAIT, () -> SMSC.counter("receiptsSent"), n -> n == 2);
        assertEquals(MessageStatus.DELIVERED, Requests.status(id).getStatus());
        assertEquals(delivered.getEvent().stream().filter(e -> e.getStatus() == MessageStatus.DELIVERED).count(), 1,
                "one DELIVERED in the history");
    }

    @Test
    void aLongTextGoesInOneSubmitWithMessagePayload() throws GatewayFault {
        String id = send("Lang melding. ".repeat(40));
        await(id, MessageStatus.DELIVERED);
        assertEquals(1, SMSC.counter("submits"), "560 characters in one submit_sm");
    }

    @Test
    void aThrottledSmscIsAskedAgainUntilItTakesTheMessage() throws GatewayFault {
        SMSC.set("commandStatus=88&failures=2");
        String id = send("Slowly");
        await(id, MessageStatus.DELIVERED);
        assertEquals(3, SMSC.counter("submits"), "two ESME_RTHROTTLED answers, then taken");
        assertEquals(1, SMSC.counter("accepted"));
    }

    @Test
    void aMessageTheSmscRefusesIsRejected() throws GatewayFault {
        SMSC.set("commandStatus=11");
        String id = send("Bad number");
        MessageState rejected = await(id, MessageStatus.REJECTED);
        assertEquals("PROVIDER_REJECTED", rejected.getReasonCode());
        assertEquals(0, SMSC.counter("accepted"));
    }

    @Test
    void aDroppedConnectionIsBoundAgainAndSendingGoesOn() throws GatewayFault {
        await(send("Before"), MessageStatus.DELIVERED);
        SMSC.set("dropConnections=true");
        Await.until(WAIT, () -> SMSC.counter("drops"), n -> n == 1);
        Await.until(WAIT, () -> SMSC.counter("binds"), n -> n == 1);
        sessionBound();
        await(send("After"), MessageStatus.DELIVERED);
        assertEquals(2, SMSC.counter("accepted"));
    }

    private static String send(String text) throws GatewayFault {
        return Gateway.demo().sendSms(Requests.text(text, number())).getResult().get(0).getMessageId();
    }
}
