package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.HealthStatus;
import com.smshub.gateway.v1.InboundMessage;
import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.OriginatorType;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.gateway.v1.SendSms;
import com.smshub.gateway.v1.SmsGateway;
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
        assertEquals("MYMSP", accepted.getProvider());
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
    void aFailedReceiptsErrIsTheNetworksCodeAndItsStatDecides() throws GatewayFault {
        SMSC.set("outcome=UNDELIV&receiptError=503");
        MessageState undelivered = await(send("Ikke levert"), MessageStatus.UNDELIVERED);
        assertEquals("NETWORK_ERROR", undelivered.getReasonCode(), "not myMSP's section 3.3 (a service call's result)");
        assertTrue(undelivered.getReason().contains("err:503"), undelivered.getReason());
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
    void aLongTextGoesAsConcatenatedPartsAndIsDeliveredOnceEveryPartIs() throws GatewayFault {
        String id = send("Lang melding. ".repeat(25)); // 350 GSM characters: three parts of at most 153
        MessageState delivered = await(id, MessageStatus.DELIVERED);
        assertEquals(3, SMSC.counter("submits"));
        assertEquals(3, SMSC.counter("parts"), "each with a concatenation header");
        assertEquals(3, delivered.getProviderStatus().getProviderMessageId().split(",").length, "the parts' three ids");
        Await.until(WAIT, () -> SMSC.counter("receiptsSent"), n -> n == 3);
        assertEquals("SMPP_RECEIPT", delivered.getEvent().get(delivered.getEvent().size() - 1).getSource());
        assertEquals(1, delivered.getEvent().stream().filter(e -> e.getStatus() == MessageStatus.DELIVERED).count());
    }

    @Test
    void aLongTextWhosePartsFailIsUndelivered() throws GatewayFault {
        SMSC.set("outcome=UNDELIV");
        await(send("Tapt. ".repeat(30)), MessageStatus.UNDELIVERED);
        assertEquals(2, SMSC.counter("parts"));
    }

    @Test
    void accountsChooseSarPartsOrMessagePayloadAndATransmitterWithAReceiver() throws Exception {
        Operator operator = new Operator();
        try {
            operator.account("it-mymsp-sar", "MYMSP", "smpp://localhost:2775", "smshub", "mymsp-pw",
                    ",\"settings\":{\"longMessages\":\"sar\",\"bind\":\"transmitter-receiver\"}");
            operator.route("{\"prefix\":\"+4798\",\"account\":\"it-mymsp-sar\",\"priority\":1}");
            operator.account("it-mymsp-payload", "MYMSP", "smpp://localhost:2775", "smshub", "mymsp-pw",
                    ",\"settings\":{\"longMessages\":\"payload\"}");
            operator.route("{\"prefix\":\"+4797\",\"account\":\"it-mymsp-payload\",\"priority\":1}");
            for (String account : new String[] {"it-mymsp-sar", "it-mymsp-payload"}) {
                Await.until(Duration.ofSeconds(60), () -> Requests.accountHealth(account), h -> h == HealthStatus.UP);
            }
            assertTrue(SMSC.counter("bindsTransmitter") >= 1 && SMSC.counter("bindsReceiver") >= 1, SMSC.state().toString());
            SMSC.reset();
            String text = "Lang melding. ".repeat(25);
            await(Gateway.demo().sendSms(Requests.text(text, "+4798" + String.format("%06d", (int) (Math.random() * 1e6))))
                    .getResult().get(0).getMessageId(), MessageStatus.DELIVERED);
            assertEquals(3, SMSC.counter("parts"), "three SAR parts; their receipts came on the receiver");
            SMSC.reset();
            await(Gateway.demo().sendSms(Requests.text(text, "+4797" + String.format("%06d", (int) (Math.random() * 1e6))))
                    .getResult().get(0).getMessageId(), MessageStatus.DELIVERED);
            assertEquals(1, SMSC.counter("submits"), "350 characters in one submit_sm's message_payload");
            assertEquals(0, SMSC.counter("parts"));
        } finally {
            operator.cleanUp();
        }
    }

    @Test
    void aReceiptThatOvertakesItsSubmitResponseIsKeptAndMatched() throws GatewayFault {
        SMSC.set("earlyReceipts=true&responseDelayMillis=700");
        MessageState delivered = await(send("Fort"), MessageStatus.DELIVERED);
        assertEquals("SMPP_RECEIPT", delivered.getEvent().get(delivered.getEvent().size() - 1).getSource());
    }

    @Test
    void aReceiptLongBeforeItsSubmitResponseIsParkedAcknowledgedAndAppliedLater() throws GatewayFault {
        SMSC.set("earlyReceipts=true&responseDelayMillis=2500");
        MessageState delivered = await(send("Parkert"), MessageStatus.DELIVERED);
        assertEquals("SMPP_RECEIPT", delivered.getEvent().get(delivered.getEvent().size() - 1).getSource());
        assertEquals(1, SMSC.counter("receiptsSent"), "taken at once: kept by the gateway, not left with the SMSC");
        assertEquals(0, SMSC.counter("receiptsRefused"));
    }

    @Test
    void withoutAReceiptQuerySmTellsTheStatus() throws GatewayFault {
        SMSC.set("receipts=false");
        MessageState delivered = await(send("Spør"), MessageStatus.DELIVERED);
        assertEquals("POLL", delivered.getEvent().get(delivered.getEvent().size() - 1).getSource());
        assertTrue(SMSC.counter("queries") >= 1);
        assertEquals(0, SMSC.counter("receiptsSent"));
    }

    @Test
    void theWindowKeepsSeveralSubmitsOutstandingAndNeverMoreThanTen() throws GatewayFault {
        SMSC.set("responseDelayMillis=300");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            numbers.add(number());
        }
        List<RecipientResult> results = Gateway.demo().sendSms(Requests.text("Vindu", numbers.toArray(String[]::new))).getResult();
        for (RecipientResult result : results) {
            await(result.getMessageId(), MessageStatus.DELIVERED);
        }
        long most = SMSC.counter("mostOutstanding");
        assertTrue(most > 1 && most <= 10, "submit_sm outstanding at once: " + most);
    }

    @Test
    void messagesFromSubscribersAreTakenWholeAndInParts() {
        assertEquals("1", SMSC.mo("from=4791234567&to=2020&text=STOP").get("taken"));
        assertEquals("3", SMSC.mo("from=4791234567&to=2020&concatenation=udh&partSize=12&text="
                + "Dette er en lang melding i tre deler").get("taken"));
        assertEquals("2", SMSC.mo("from=4791234567&to=2020&concatenation=sar&partSize=12&coding=ucs2&text=Привет мир").get("taken"));
        assertEquals(0, SMSC.counter("moRefused"));
    }

    @Test
    void aScheduledMessageWithAValidityIsHandedToTheSmscWithBothTimesAndDeliveredAfterItsTime() throws Exception {
        String recipient = number();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(8).withNano(0);
        SendSms request = Requests.scheduled(Requests.text("Senere", recipient), at);
        request.setValidityMinutes(90);
        String id = Gateway.demo().sendSms(request).getResult().get(0).getMessageId();
        await(id, MessageStatus.DELIVERED);
        assertFalse(OffsetDateTime.now(ZoneOffset.UTC).isBefore(at), "the SMSC holds it until its time, not the gateway");
        assertEquals(1, SMSC.counter("scheduled"));
        assertEquals(1, SMSC.counter("withValidity"));
        Map<String, String> received = SMSC.received(recipient.substring(1));
        DateTimeFormatter smpp = DateTimeFormatter.ofPattern("yyMMddHHmmss");
        assertEquals(at.format(smpp) + "000+", received.get("received.schedule"), "SMPP's absolute time, UTC");
        assertEquals(at.plusMinutes(90).format(smpp) + "000+", received.get("received.validity"),
                "valid 90 minutes from the scheduled time, not from submission (a relative period would count from then)");
    }

    @Test
    void textsOutsideAsciiReachTheSmscAsWrittenInTheDataCodingTheyNeed() throws GatewayFault {
        String gsm = number();
        await(Gateway.demo().sendSms(Requests.text("Räksmörgås {5 €}", gsm)).getResult().get(0).getMessageId(),
                MessageStatus.DELIVERED);
        assertEquals("Räksmörgås {5 €}", SMSC.received(gsm.substring(1)).get("received.text"));
        assertEquals("0", SMSC.received(gsm.substring(1)).get("received.dataCoding"), "GSM 03.38 with its extension table");
        String cyrillic = number();
        await(Gateway.demo().sendSms(Requests.text("Привет, мир", cyrillic)).getResult().get(0).getMessageId(),
                MessageStatus.DELIVERED);
        assertEquals("Привет, мир", SMSC.received(cyrillic.substring(1)).get("received.text"));
        assertEquals("8", SMSC.received(cyrillic.substring(1)).get("received.dataCoding"), "UCS-2");
        // myMSP's most, 765 characters, in UCS-2: twelve parts of at most 67, every one taken by the SMSC
        String longest = number();
        await(Gateway.demo().sendSms(Requests.text("Ж".repeat(765), longest)).getResult().get(0).getMessageId(),
                MessageStatus.DELIVERED);
        assertEquals(12, SMSC.counter("parts"));
        assertEquals(0, SMSC.counter("refused"), "nothing the SMSC's rules refuse");
    }

    @Test
    void sendersGoOnTheWireWithTheTonAndNpiOfTheirKind() throws GatewayFault {
        String[][] kinds = {{"ALPHANUMERIC", "SMSHUB", "5", "0", "SMSHUB"}, {"NUMERIC", "+4790000000", "1", "1", "4790000000"},
            {"SHORT_CODE", "2020", "3", "0", "2020"}};
        for (String[] kind : kinds) {
            String recipient = number();
            SendSms request = Requests.text("Fra " + kind[1], recipient);
            request.getOriginator().setType(OriginatorType.valueOf(kind[0]));
            request.getOriginator().setValue(kind[1]);
            await(Gateway.demo().sendSms(request).getResult().get(0).getMessageId(), MessageStatus.DELIVERED);
            Map<String, String> received = SMSC.received(recipient.substring(1));
            assertEquals(kind[2], received.get("received.sourceTon"), kind[0]);
            assertEquals(kind[3], received.get("received.sourceNpi"), kind[0]);
            assertEquals(kind[4], received.get("received.source"), kind[0]);
            assertEquals("1", received.get("received.destTon"), "the recipient in international form");
        }
        assertEquals(0, SMSC.counter("refused"));
    }

    @Test
    void binaryWithPortsFlashAndAHeaderOfTheCallersOwnReachTheSmscAsSmppCodesThem() throws GatewayFault {
        String flashTo = number();
        SendSms flash = Requests.text("Blits", flashTo);
        flash.setFlash(true);
        String toneTo = number();
        SendSms ported = Requests.text(null, toneTo);
        com.smshub.gateway.v1.BinaryContent tone = new com.smshub.gateway.v1.BinaryContent();
        tone.setData("024A3A");
        tone.setDestinationPort(5505);
        tone.setSourcePort(0);
        ported.setBinary(tone);
        String rawTo = number();
        SendSms raw = Requests.text(null, rawTo);
        com.smshub.gateway.v1.BinaryContent withHeader = new com.smshub.gateway.v1.BinaryContent();
        withHeader.setUdh("0605040B8423F0"); // 16-bit ports 2948 and 9200 (WAP push)
        withHeader.setData("CAFE");
        raw.setBinary(withHeader);
        for (SendSms request : List.of(flash, ported, raw)) {
            RecipientResult accepted = Gateway.demo().sendSms(request).getResult().get(0);
            assertEquals("MYMSP", accepted.getProvider());
            await(accepted.getMessageId(), MessageStatus.DELIVERED);
        }
        Map<String, String> flashed = SMSC.received(flashTo.substring(1));
        assertEquals("16", flashed.get("received.dataCoding"), "GSM 03.38's default alphabet with a message class (5.2.19)");
        assertEquals("0", flashed.get("received.messageClass"), "class 0: flash");
        assertEquals("Blits", flashed.get("received.text"));
        assertEquals("0", flashed.get("received.esmClass"));
        Map<String, String> ring = SMSC.received(toneTo.substring(1));
        assertEquals("4", ring.get("received.dataCoding"), "8-bit data");
        assertEquals("none", ring.get("received.messageClass"), "not flash: no class");
        assertEquals("64", ring.get("received.esmClass"), "UDHI: the octets begin with a header");
        assertEquals("06050415810000", ring.get("received.udh"), "IE 5, 16-bit ports: 5505 (0x1581) and 0");
        assertEquals("0x06050415810000024a3a", ring.get("received.text"), "the header, then the caller's octets");
        Map<String, String> headed = SMSC.received(rawTo.substring(1));
        assertEquals("4", headed.get("received.dataCoding"));
        assertEquals("64", headed.get("received.esmClass"));
        assertEquals("0605040b8423f0", headed.get("received.udh"), "the caller's header as it was given");
        assertEquals("0x0605040b8423f0cafe", headed.get("received.text"));
        assertEquals(0, SMSC.counter("refused"));
    }

    @Test
    void aQuietSessionSendsEnquireLinkAndStaysBound() throws Exception {
        Operator operator = new Operator();
        try {
            // five seconds of silence before a keep-alive (the demo account's 30 s would send at most one meanwhile)
            operator.account("it-mymsp-quiet", "MYMSP", "smpp://localhost:2775", "smshub", "mymsp-pw",
                    ",\"settings\":{\"enquireLinkSeconds\":\"5\"}");
            Await.until(Duration.ofSeconds(60), () -> Requests.accountHealth("it-mymsp-quiet"), h -> h == HealthStatus.UP);
            long binds = SMSC.counter("binds");
            long before = SMSC.counter("enquireLinks");
            Await.until(Duration.ofSeconds(40), () -> SMSC.counter("enquireLinks"), n -> n >= before + 3);
            assertEquals(HealthStatus.UP, Requests.accountHealth("it-mymsp-quiet"), "answered: the session stays bound");
            assertEquals(binds, SMSC.counter("binds"), "no session bound again meanwhile");
        } finally {
            operator.cleanUp();
        }
    }

    @Test
    void aSubmitSmNeverAnsweredLeavesTheMessageUnknownAndItIsNeverSentAgain() throws Exception {
        SMSC.set("silent=true");
        String id = send("Hallo?");
        MessageState unknown = Await.until(Duration.ofSeconds(60), () -> Requests.status(id), s -> s.getStatus() == MessageStatus.UNKNOWN);
        assertEquals("OUTCOME_UNKNOWN", unknown.getReasonCode(), unknown.getReason());
        SMSC.set("silent=false");
        Thread.sleep(3000); // a blind resend would come now
        assertEquals(1, SMSC.counter("unanswered"));
        assertEquals(1, SMSC.counter("submits"), "the submit whose answer never came is not sent again");
        assertEquals(MessageStatus.UNKNOWN, Requests.status(id).getStatus());
    }

    @Test
    void aMessageFromASubscriberWithAnInIdReachesTheTenantWhoseKeywordItIs() throws Exception {
        HttpResponse<String> rule = Operator.call("POST", "inbound-rules",
                "{\"tenant\":\"acme\",\"account\":\"mymsp-simulator\",\"keyword\":\"SHOP\",\"priority\":10}");
        assertEquals(201, rule.statusCode(), rule.body());
        String ruleId = rule.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        try {
            SmsGateway acme = Gateway.as("acme", "acme-password");
            long acmeCursor = InboundEndToEndIT.end(acme);
            long demoCursor = InboundEndToEndIT.end(Gateway.demo());
            String subscriber = number().substring(1);
            assertEquals("1", SMSC.mo("from=" + subscriber + "&to=2020&text=SHOP when do you open?").get("taken"));
            assertEquals("1", SMSC.mo("from=" + subscriber + "&to=2020&text=Hello there").get("taken"));
            List<InboundMessage> toAcme = Await.until(WAIT, () -> inbound(acme, acmeCursor, "+" + subscriber), l -> !l.isEmpty());
            assertEquals(1, toAcme.size(), "the In-ID routes its message alone: " + toAcme.size());
            assertEquals("SHOP", toAcme.get(0).getKeyword());
            assertEquals("SHOP when do you open?", toAcme.get(0).getText());
            List<InboundMessage> toDemo = Await.until(WAIT, () -> inbound(Gateway.demo(), demoCursor, "+" + subscriber),
                    l -> !l.isEmpty());
            assertEquals("Hello there", toDemo.get(0).getText(), "without an In-ID: the account's catch-all rule (demo)");
            assertEquals(1, toDemo.size());
        } finally {
            Operator.call("DELETE", "inbound-rules/" + ruleId, null);
        }
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

    /** The tenant's messages from this subscriber after the cursor. */
    private static List<InboundMessage> inbound(SmsGateway tenant, long after, String subscriber) {
        try {
            return InboundEndToEndIT.from(tenant, after, subscriber);
        } catch (GatewayFault e) {
            throw new AssertionError(e);
        }
    }

    private static String send(String text) throws GatewayFault {
        return Gateway.demo().sendSms(Requests.text(text, number())).getResult().get(0).getMessageId();
    }
}
