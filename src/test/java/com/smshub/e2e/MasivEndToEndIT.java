package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.AccountBalance;
import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.GetBalance;
import com.smshub.gateway.v1.HealthStatus;
import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.gateway.v1.SendSms;
import com.smshub.gateway.v1.StatusEvent;

/**
 * Masiv's HTTP API through the SOAP contract, against its simulator: the demo routes send Colombian numbers
 * (+57) there. Masiv pushes nothing; statuses are asked with getMessage, first 2 s after submission here.
 */
@RunAsClient
class MasivEndToEndIT extends DeployedGateway {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ProviderSimulator SIMULATOR = ProviderSimulator.MASIV;

    @BeforeEach
    @AfterEach
    void resetSimulator() {
        SIMULATOR.reset();
    }

    private static String number() {
        return "+57315" + String.format("%07d", (int) (Math.random() * 10_000_000));
    }

    private static MessageState await(String id, MessageStatus status) {
        return Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == status);
    }

    @Test
    void aMessageIsSentAndItsStatusAskedUntilDelivered() throws GatewayFault {
        RecipientResult accepted = Gateway.demo().sendSms(Requests.text("Hola", number())).getResult().get(0);
        assertEquals("MASIV", accepted.getProvider());
        MessageState delivered = await(accepted.getMessageId(), MessageStatus.DELIVERED);
        StatusEvent last = delivered.getEvent().get(delivered.getEvent().size() - 1);
        assertEquals("POLL", last.getSource());
        assertEquals("3", last.getProviderStatus().getRawStatus(), "delivered to handset");
        long told = last.getAt().toGregorianCalendar().getTimeInMillis();
        long submitted = delivered.getEvent().get(1).getAt().toGregorianCalendar().getTimeInMillis();
        assertTrue(told - submitted < 1500, "the time Masiv gives (UTC, to the second: delivery 100 ms after "
                + "acceptance), not when it was asked, at least 2 s later: " + (told - submitted) + " ms");
    }

    @Test
    void aSenderOfSixteenCharactersGoesToMasivAndIsRefusedWhereElevenIsTheMost() throws GatewayFault {
        String recipient = number();
        SendSms request = Requests.text("Hola", recipient);
        request.getOriginator().setValue("SMSHUB Colombia!"); // 16: Masiv's most (sendmessage, originator)
        String id = Gateway.demo().sendSms(request).getResult().get(0).getMessageId();
        await(id, MessageStatus.DELIVERED);
        assertEquals("SMSHUB Colombia!", SIMULATOR.received(recipient.substring(1)).get("received.originator"),
                "the sender as Masiv received it");

        SendSms toSweden = Requests.text("Hej", Requests.uniqueRecipient()); // SMS Pro: 11 at most (table 1)
        toSweden.getOriginator().setValue("SMSHUB Colombia!");
        GatewayFault refused = assertThrows(GatewayFault.class, () -> Gateway.demo().sendSms(toSweden));
        assertEquals(FaultCode.VALIDATION, refused.getFaultInfo().getCode());
        assertTrue(refused.getFaultInfo().getMessage().contains("at most 11"), refused.getFaultInfo().getMessage());

        SendSms tooLong = Requests.text("Hola", number());
        tooLong.getOriginator().setValue("SMSHUB Colombia!!"); // 17: no provider takes it
        assertEquals(FaultCode.VALIDATION, assertThrows(GatewayFault.class, () -> Gateway.demo().sendSms(tooLong))
                .getFaultInfo().getCode());
        assertEquals(0, SIMULATOR.counter("refusedOriginator"), "nothing Masiv would refuse reached it");
    }

    @Test
    void aScheduledMessageIsHeldByMasivUntilItsTimeAndDeliveredAfterIt() throws Exception {
        String recipient = number();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(8).withNano(0);
        String id = Gateway.demo().sendSms(Requests.scheduled(Requests.text("Más tarde", recipient), at)).getResult().get(0)
                .getMessageId();
        Await.until(WAIT, () -> SIMULATOR.counter("scheduled"), n -> n == 1);
        assertEquals(DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").format(at),
                SIMULATOR.received(recipient.substring(1)).get("received.sendondate"), "handed to Masiv at once, in UTC");
        assertTrue(Requests.status(id).getStatus() != MessageStatus.DELIVERED, "Masiv holds it until its time");
        MessageState delivered = await(id, MessageStatus.DELIVERED);
        long told = delivered.getEvent().get(delivered.getEvent().size() - 1).getAt().toGregorianCalendar().getTimeInMillis();
        assertTrue(told >= at.toInstant().toEpochMilli(), "delivered, as Masiv tells it, after its time: " + told);
        assertEquals(0, SIMULATOR.counter("refusedDate"));
    }

    @Test
    void aLongMessageGoesInPartsWhoseStatusesRollUp() throws GatewayFault {
        SIMULATOR.set("partIds=distinct");
        String id = Gateway.demo().sendSms(Requests.text("x".repeat(400), number())).getResult().get(0).getMessageId();
        MessageState delivered = await(id, MessageStatus.DELIVERED);
        assertEquals(3, SIMULATOR.counter("parts"), "400 characters: three parts of 160");
        assertEquals(2, delivered.getProviderStatus().getProviderMessageId().chars().filter(c -> c == ',').count(),
                "the three parts' ids, kept together: " + delivered.getProviderStatus().getProviderMessageId());
        assertTrue(SIMULATOR.counter("statusRequests") >= 3, "each part asked about");
    }

    @Test
    void manyMessagesStatusesAreAskedSeveralAtOnceAndNoMoreThanTheAccountAllows() throws GatewayFault {
        // Masiv answers one message a getMessage: asked one after another, a round of checks takes a round trip a
        // message (300 ms here), and a backlog of statuses grows faster than it is asked about
        SIMULATOR.set("statusSlowMillis=300");
        String[] recipients = new String[20];
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = number();
        }
        List<RecipientResult> accepted = Gateway.demo().sendSms(Requests.text("Hola a todos", recipients)).getResult();
        for (RecipientResult each : accepted) {
            assertEquals("MASIV", each.getProvider());
            await(each.getMessageId(), MessageStatus.DELIVERED);
        }
        long most = SIMULATOR.counter("mostStatusInFlight");
        assertTrue(most >= 2, "several questions in flight at once: at most " + most);
        assertTrue(most <= 8, "no more than the account's questionsInFlight (8 by default): " + most);
        assertTrue(SIMULATOR.counter("statusRequests") >= recipients.length, "each message asked about");
    }

    @Test
    void aBatchsMessagesAreSentSeveralAtOnceAndEachOnce() throws GatewayFault {
        // one message a sendmessage: sent one after another, 20 messages would take 20 round trips (300 ms here)
        SIMULATOR.set("slowMillis=300");
        String[] recipients = new String[20];
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = number();
        }
        List<RecipientResult> accepted = Gateway.demo().sendSms(Requests.text("Hola, uno por uno", recipients)).getResult();
        for (RecipientResult each : accepted) {
            assertEquals("MASIV", each.getProvider());
            await(each.getMessageId(), MessageStatus.DELIVERED);
        }
        long most = SIMULATOR.counter("mostSendInFlight");
        assertTrue(most >= 2, "several of a group in flight at once: at most " + most);
        assertEquals(recipients.length, SIMULATOR.counter("accepted"), "each message sent once");
        for (String recipient : recipients) {
            assertEquals("Hola, uno por uno", SIMULATOR.received(recipient.substring(1)).get("received.text"));
        }
    }

    @Test
    void anAccountErrorEndsRejectedWhenNoOtherRouteTakesTheMessage() throws GatewayFault {
        SIMULATOR.set("errorCode=1159");
        String id = Gateway.demo().sendSms(Requests.text("No credits", number())).getResult().get(0).getMessageId();
        MessageState rejected = await(id, MessageStatus.REJECTED);
        assertEquals("NO_ROUTE_ACCEPTED", rejected.getReasonCode());
        assertTrue(rejected.getReason().contains("1159"), rejected.getReason());
    }

    @Test
    void anInvalidRecipientIsFinal() throws GatewayFault {
        SIMULATOR.set("errorCode=1");
        String id = Gateway.demo().sendSms(Requests.text("Who?", number())).getResult().get(0).getMessageId();
        MessageState rejected = await(id, MessageStatus.REJECTED);
        assertEquals("PROVIDER_REJECTED", rejected.getReasonCode());
        assertEquals("1", rejected.getProviderStatus().getRawStatus());
    }

    @Test
    void aGeneralExceptionIsRetriedUntilMasivTakesTheMessage() throws GatewayFault {
        SIMULATOR.set("errorCode=8734&failures=2");
        String id = Gateway.demo().sendSms(Requests.text("Again", number())).getResult().get(0).getMessageId();
        await(id, MessageStatus.DELIVERED);
        assertEquals(1, SIMULATOR.counter("accepted"));
    }

    @Test
    void failedDeliveriesConvergeOnTheCanonicalStatuses() throws GatewayFault {
        SIMULATOR.set("outcome=4");
        String undelivered = Gateway.demo().sendSms(Requests.text("Lost", number())).getResult().get(0).getMessageId();
        await(undelivered, MessageStatus.UNDELIVERED);
        SIMULATOR.set("outcome=6");
        String tooLong = Gateway.demo().sendSms(Requests.text("Length error", number())).getResult().get(0).getMessageId();
        await(tooLong, MessageStatus.REJECTED);
    }

    @Test
    void aDeliveryErrorAfterDeliveredToTheNetworkIsApplied() throws GatewayFault {
        // spec 003: 2 is delivered to the network, 3 (optional) to the handset; a 4 may still follow a 2
        SIMULATOR.set("outcome=2,4&deliveryDelayMillis=2000");
        String id = Gateway.demo().sendSms(Requests.text("Network, then lost", number())).getResult().get(0).getMessageId();
        MessageState undelivered = await(id, MessageStatus.UNDELIVERED);
        assertEquals("4", undelivered.getProviderStatus().getRawStatus());
    }

    @Test
    void anAccountWhoseAddressIsSmppUsesMasivsSmppOption() throws Exception {
        Operator operator = new Operator();
        try {
            ProviderSimulator.SMSC.reset();
            operator.account("it-masiv-smpp", "MASIV", "smpp://localhost:2775", "smshub", "mymsp-pw", "");
            operator.route("{\"prefix\":\"+57316\",\"account\":\"it-masiv-smpp\",\"priority\":1}");
            Await.until(Duration.ofSeconds(60), () -> Requests.accountHealth("it-masiv-smpp"), h -> h == HealthStatus.UP);
            String id = Gateway.demo().sendSms(Requests.text("Hola señor", "+57316" + String.format("%07d",
                    (int) (Math.random() * 10_000_000)))).getResult().get(0).getMessageId();
            MessageState delivered = await(id, MessageStatus.DELIVERED);
            StatusEvent last = delivered.getEvent().get(delivered.getEvent().size() - 1);
            assertEquals("SMPP_RECEIPT", last.getSource(), "a receipt on the session, not a getMessage answer");
            assertEquals(1, ProviderSimulator.SMSC.counter("accepted"));
            assertEquals(0, SIMULATOR.counter("accepted"), "nothing went to Masiv's HTTP API");
        } finally {
            operator.cleanUp();
            ProviderSimulator.SMSC.reset();
        }
    }

    @Test
    void masivKeepsNoBalanceAndSaysSoByListingTheAccountWithoutAmounts() throws GatewayFault {
        GetBalance request = new GetBalance();
        request.setProvider("MASIV");
        List<AccountBalance> balances = Gateway.demo().getBalance(request).getBalance();
        assertEquals(1, balances.size(), balances.toString());
        assertNull(balances.get(0).getCredits());
        assertNull(balances.get(0).getBalance());
    }

    /** The simulator as a judge: each request Masiv's document refuses, sent to it directly, gets the document's error. */
    @Test
    void theSimulatorRefusesWhatMasivsDocumentRefusesWithItsCodes() throws Exception {
        String credentials = "username=smshub&password=masiv-password";
        String[][] cases = {
            {"action=sendmessage&" + credentials + "&recipient=573001234567", "1164"}, // no messagedata
            {credentials + "&recipient=573001234567&messagedata=Hola", "1158"}, // no action
            {"action=sendmessage&username=smshub&password=wrong&recipient=573001234567&messagedata=Hola", "1157"},
            {"action=sendmessage&" + credentials + "&recipient=57300ABC&messagedata=Hola", "1"},
            {"action=sendmessage&" + credentials + "&recipient=573001234567&messagedata=" + "x".repeat(161), "1160"},
            {"action=sendmessage&" + credentials + "&recipient=573001234567&messagedata=Hola&originator=SEVENTEEN-CHARS-X", "1164"},
            {"action=sendmessage&" + credentials + "&recipient=573001234567&messagedata=Hola&sendondate=2026-12-24+10%3A00", "8734"},
        };
        for (String[] c : cases) {
            String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    Gateway.SIMULATOR + "/masiv/SmsHandlers/sendhandler.ashx?" + c[0])).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(body.contains("<action>error</action>") && body.contains("<errorcode>" + c[1] + "</errorcode>"),
                    c[0] + " -> " + body);
        }
        assertEquals(0, SIMULATOR.counter("accepted"), "nothing taken");
    }
}
