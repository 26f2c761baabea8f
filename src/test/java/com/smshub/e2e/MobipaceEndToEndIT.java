package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.AccountBalance;
import com.smshub.gateway.v1.BatchMessage;
import com.smshub.gateway.v1.CalculatePrice;
import com.smshub.gateway.v1.CalculatePriceResponse;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.GetBalance;
import com.smshub.gateway.v1.HealthStatus;
import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.Originator;
import com.smshub.gateway.v1.OriginatorType;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.gateway.v1.SendBatchRequest;
import com.smshub.gateway.v1.SendBatchResponse;
import com.smshub.gateway.v1.SendSms;
import com.smshub.gateway.v1.StatusEvent;

/**
 * MOBIPACE through the SOAP contract, against its simulator: the demo routes send +7 numbers there. One session
 * reused, many messages a request, statuses asked by our ids with QueryMessages, one request at a time per
 * account.
 */
@RunAsClient
class MobipaceEndToEndIT extends DeployedGateway {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ProviderSimulator SIMULATOR = ProviderSimulator.MOBIPACE;

    @BeforeEach
    @AfterEach
    void resetSimulator() {
        SIMULATOR.reset();
    }

    private static String number() {
        return "+7925" + String.format("%07d", (int) (Math.random() * 10_000_000));
    }

    private static MessageState await(String id, MessageStatus status) {
        return Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == status);
    }

    @Test
    void theRecipientsOfOneSendGoInOneRequestAndAreAskedAboutByTheirIds() throws GatewayFault {
        String[] recipients = {number(), number(), number(), number(), number()};
        List<RecipientResult> results = Gateway.demo().sendSms(Requests.text("Привет", recipients)).getResult();
        for (RecipientResult result : results) {
            assertEquals("MOBIPACE", result.getProvider());
            MessageState delivered = await(result.getMessageId(), MessageStatus.DELIVERED);
            StatusEvent last = delivered.getEvent().get(delivered.getEvent().size() - 1);
            assertEquals("POLL", last.getSource());
            assertEquals("100", last.getProviderStatus().getCode());
        }
        assertEquals(1, SIMULATOR.counter("sendRequests"), "five messages, one Send");
        assertEquals(5, SIMULATOR.counter("messages"));
        assertEquals(1, SIMULATOR.counter("sessions"), "one session, reused");
    }

    @Test
    void aScheduledMessageIsHandedOverAtOnceAndHeldByMobipaceUntilItsMinute() throws Exception {
        SendSms request = Requests.scheduled(Requests.text("Позже", number()), OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(2));
        String id = Gateway.demo().sendSms(request).getResult().get(0).getMessageId();
        await(id, MessageStatus.SUBMITTED);
        assertEquals(1, SIMULATOR.counter("scheduled"), "ScheduledDate read and in the future");
        SendSms now = Requests.text("Сейчас", number());
        await(Gateway.demo().sendSms(now).getResult().get(0).getMessageId(), MessageStatus.DELIVERED);
        assertEquals(MessageStatus.SUBMITTED, Requests.status(id).getStatus(),
                "asked about with the one sent after it, and still held (2, Scheduled)");
    }

    @Test
    void aBatchOfMessagesEachWithItsOwnTextGoesInOneRequest() throws GatewayFault {
        SendBatchRequest batch = new SendBatchRequest();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            BatchMessage message = new BatchMessage();
            message.setText("Batch message " + i);
            Originator sender = new Originator();
            sender.setType(OriginatorType.ALPHANUMERIC);
            sender.setValue("SMSHUB");
            message.setOriginator(sender);
            recipients.add(number());
            message.setRecipient(recipients.get(i));
            batch.getMessage().add(message);
        }
        SendBatchResponse accepted = Gateway.demo().sendBatch(batch);
        assertEquals(50, accepted.getMessageCount());
        Await.until(WAIT, () -> SIMULATOR.counter("messages"), n -> n == 50);
        assertEquals(1, SIMULATOR.counter("sendRequests"), "fifty texts of one sender, one Send");
    }

    @Test
    void anExpiredSessionIsRenewedAndTheMessageStillGoesOnce() throws GatewayFault {
        String first = Gateway.demo().sendSms(Requests.text("Before", number())).getResult().get(0).getMessageId();
        await(first, MessageStatus.DELIVERED);
        SIMULATOR.set("expireSessions=true&failures=1");
        String second = Gateway.demo().sendSms(Requests.text("After", number())).getResult().get(0).getMessageId();
        await(second, MessageStatus.DELIVERED);
        assertEquals(2, SIMULATOR.counter("sessions"), "authorised again after 103");
        assertEquals(2, SIMULATOR.counter("accepted"));
        assertEquals(0, SIMULATOR.counter("duplicates"));
    }

    @Test
    void requestsToTheAccountGoOneAtATimeSoNoneMeetsAccessDenied() throws Exception {
        SIMULATOR.set("slowMillis=300");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // six sends: six requests that would overlap, were they not serialised
            ids.add(Gateway.demo().sendSms(Requests.text("One at a time " + i, number())).getResult().get(0).getMessageId());
        }
        // Pings that probe the account (QueryBalance) while the sends and their status questions go on
        for (int i = 0; i < 3; i++) {
            assertEquals(HealthStatus.UP, Requests.accountHealth("mobipace-simulator"), "probed after its turn, not refused");
            Thread.sleep(2100); // past the probe's freshness, so each Ping probes again
        }
        for (String id : ids) {
            await(id, MessageStatus.DELIVERED);
        }
        assertEquals(0, SIMULATOR.counter("refusedConcurrent"), "no request met another under way");
        assertEquals(6, SIMULATOR.counter("accepted"));
    }

    @Test
    void wrongCredentialsAreTriedOnceNotUntilMobipaceLocksTheUser() throws Exception {
        Operator operator = new Operator();
        String account = "it-mobipace-wrong-password";
        String endpoint = Gateway.SIMULATOR + "/mobipace/v3";
        String settings = ",\"settings\":{\"sender\":\"SMSHUB\",\"currency\":\"RUB\"}";
        try {
            operator.account(account, "MOBIPACE", endpoint, "smshub@mobipace.example", "an-old-password", settings);
            operator.route("{\"prefix\":\"+79259\",\"account\":\"" + account + "\",\"priority\":1}");
            // four messages, each sent after the one before ended: four dispatches to the account, each of which would
            // authorise; refused, each goes on to the next route (the demo's MOBIPACE account, the same MOBIPACE user
            // name: had the user been locked, that account could not send either)
            for (int i = 0; i < 4; i++) {
                String id = Gateway.demo().sendSms(Requests.text("Locked out? " + i, "+79259" + String.format("%06d",
                        (int) (Math.random() * 1_000_000)))).getResult().get(0).getMessageId();
                await(id, MessageStatus.DELIVERED);
            }
            assertEquals(HealthStatus.DOWN, Requests.accountHealth(account), "the probe is refused too, without asking");
            assertEquals(1, SIMULATOR.counter("authorizeRefused"), "one mistake, not one a dispatch (three lock the user)");
            // the operator enters the password the account has now: tried at once, and the account sends again
            operator.account(account, "MOBIPACE", endpoint, "smshub@mobipace.example", "mobipace-password", settings);
            String id = Gateway.demo().sendSms(Requests.text("Back in", "+79259" + String.format("%06d",
                    (int) (Math.random() * 1_000_000)))).getResult().get(0).getMessageId();
            await(id, MessageStatus.DELIVERED);
            assertEquals(0, SIMULATOR.counter("authorizeLocked"), "never locked");
        } finally {
            operator.cleanUp();
        }
    }

    @Test
    void anAccountsSendWithinHoursSpreadsItsRequestsAndMobipaceHoldsTheLaterMessages() throws Exception {
        Operator operator = new Operator();
        String account = "it-mobipace-spread";
        try {
            operator.account(account, "MOBIPACE", Gateway.SIMULATOR + "/mobipace/v3", "smshub@mobipace.example", "mobipace-password",
                    ",\"settings\":{\"sender\":\"SMSHUB\",\"currency\":\"RUB\",\"sendWithinHours\":\"2\"}");
            operator.route("{\"prefix\":\"+79268\",\"account\":\"" + account + "\",\"priority\":1}");
            String[] recipients = new String[3];
            for (int i = 0; i < recipients.length; i++) {
                recipients[i] = "+79268" + String.format("%06d", (int) (Math.random() * 1_000_000));
            }
            Instant sent = Instant.now();
            List<RecipientResult> results = Gateway.demo().sendSms(Requests.text("Постепенно", recipients)).getResult();
            // one request of three, spread over two hours: the first goes at once, the others 40 and 80 minutes on
            Await.until(WAIT, () -> results.stream().filter(r -> Requests.status(r.getMessageId()).getStatus() == MessageStatus.DELIVERED)
                    .count(), n -> n == 1);
            assertEquals(1, SIMULATOR.counter("sendRequests"));
            List<Long> minutesOn = new ArrayList<>();
            for (int i = 0; i < recipients.length; i++) {
                Map<String, String> received = SIMULATOR.received(recipients[i].substring(1));
                assertEquals("2", received.get("received.sendWithinHours"), "the account's setting in the request");
                assertEquals("SMSHUB", received.get("received.sender"));
                assertEquals(results.get(i).getMessageId(), received.get("received.reference"));
                long minutes = Duration.between(sent, Instant.parse(received.get("received.sendAt"))).toMinutes();
                minutesOn.add(minutes);
                if (minutes >= 30) {
                    assertEquals(MessageStatus.SUBMITTED, Requests.status(results.get(i).getMessageId()).getStatus(),
                            "held by MOBIPACE, which sends it " + minutes + " minutes on");
                }
            }
            minutesOn.sort(null);
            // the request's messages in its own order: at once, 40 and 80 minutes on (a minute either way)
            for (int k = 0; k < minutesOn.size(); k++) {
                assertTrue(Math.abs(minutesOn.get(k) - 40L * k) <= 1, "sent by MOBIPACE so many minutes on: " + minutesOn);
            }
        } finally {
            operator.cleanUp();
        }
    }

    @Test
    void accessDeniedIsWaitedOutNeverFailed() throws GatewayFault {
        SIMULATOR.set("sendStatus=104&failures=3");
        String id = Gateway.demo().sendSms(Requests.text("Patience", number())).getResult().get(0).getMessageId();
        MessageState delivered = await(id, MessageStatus.DELIVERED);
        assertEquals(List.of(MessageStatus.QUEUED, MessageStatus.SUBMITTED, MessageStatus.DELIVERED),
                delivered.getEvent().stream().map(StatusEvent::getStatus).toList());
    }

    /**
     * The account's errors of the code table (300 out of balance, 302 no currency defined): the message is refused by
     * this account and, with no other route for it, ends REJECTED naming MOBIPACE's code.
     */
    @Test
    void anAccountOutOfBalanceOrWithoutACurrencyEndsRejectedWithMobipacesCode() throws GatewayFault {
        for (String code : List.of("300", "302")) {
            SIMULATOR.set("sendStatus=" + code);
            String id = Gateway.demo().sendSms(Requests.text("Kredit", number())).getResult().get(0).getMessageId();
            MessageState rejected = await(id, MessageStatus.REJECTED);
            assertEquals("NO_ROUTE_ACCEPTED", rejected.getReasonCode(), code);
            assertTrue(rejected.getReason().contains("MOBIPACE " + code), rejected.getReason());
            assertEquals(0, SIMULATOR.counter("accepted"), "taken by nobody");
        }
    }

    @Test
    void aTextOrANumberBeyondMobipacesLimitsIsRefusedAtAcceptance() throws GatewayFault {
        RecipientResult tooLong = Gateway.demo().sendSms(Requests.text("x".repeat(501), number())).getResult().get(0);
        assertEquals("NO_ROUTE", tooLong.getReasonCode(), "limitation 3: at most 500 characters");
        RecipientResult tooManyDigits = Gateway.demo().sendSms(Requests.text("Hi", "+7925123456789012")).getResult().get(0);
        assertEquals("NO_ROUTE", tooManyDigits.getReasonCode(), "limitation 2: at most 15 digits");
        assertEquals(0, SIMULATOR.counter("requests"));
    }

    @Test
    void undeliverableAndUnknownConvergeOnTheCanonicalStatuses() throws GatewayFault {
        SIMULATOR.set("outcome=101");
        String undeliverable = Gateway.demo().sendSms(Requests.text("Nope", number())).getResult().get(0).getMessageId();
        await(undeliverable, MessageStatus.UNDELIVERED);
        SIMULATOR.set("outcome=5");
        String invalid = Gateway.demo().sendSms(Requests.text("Who?", number())).getResult().get(0).getMessageId();
        await(invalid, MessageStatus.REJECTED);
    }

    @Test
    void thePriceComesFromMobipacesCalculate() throws GatewayFault {
        SIMULATOR.set("price=3.10");
        CalculatePrice request = new CalculatePrice();
        request.setText("How much?");
        Originator sender = new Originator();
        sender.setType(OriginatorType.ALPHANUMERIC);
        sender.setValue("SMSHUB");
        request.setOriginator(sender);
        request.getRecipient().addAll(List.of(number(), number()));
        CalculatePriceResponse priced = Gateway.demo().calculatePrice(request);
        assertEquals(0, new BigDecimal("3.10").compareTo(priced.getResult().get(0).getPrice().getAmount()),
                "MOBIPACE's price, not the route's 2.50");
        assertEquals("RUB", priced.getTotal().getCurrency());
        assertEquals(0, new BigDecimal("6.20").compareTo(priced.getTotal().getAmount()));
        assertEquals(0, SIMULATOR.counter("sendRequests"), "priced, not sent");
    }

    @Test
    void theBalanceIsReadWithMobipacesOwnSpellings() throws GatewayFault {
        GetBalance request = new GetBalance();
        request.setProvider("MOBIPACE");
        List<AccountBalance> balances = Gateway.demo().getBalance(request).getBalance();
        assertEquals(1, balances.size(), balances.toString());
        AccountBalance balance = balances.get(0);
        assertEquals(0, new BigDecimal("1300.30").compareTo(balance.getBalance().getAmount()));
        assertEquals("RUB", balance.getBalance().getCurrency());
        assertEquals(0, new BigDecimal("-1000").compareTo(balance.getCreditLimit().getAmount()));
        assertEquals(0, new BigDecimal("2300.30").compareTo(balance.getAvailable().getAmount()),
                "\" AvailableFund \", a number sent as a string, read");
    }

    /** The simulator as a judge: each request MOBIPACE's document refuses, sent to it directly, gets the document's status. */
    @Test
    void theSimulatorRefusesWhatMobipacesDocumentRefusesWithItsCodes() throws Exception {
        assertTrue(post("authorize", "{\"Username\":\"smshub@mobipace.example\",\"Password\":\"wrong\"}").contains("\"StatusCode\":200"));
        assertTrue(post("Send", "{\"SessionId\":\"no-such-session\",\"Sender\":\"SMSHUB\",\"Messages\":[]}").contains("\"StatusCode\":103"));
        String login = post("authorize", "{\"Username\":\"smshub@mobipace.example\",\"Password\":\"mobipace-password\"}");
        String session = login.replaceAll("(?s).*\"SessionId\":\"([^\"]+)\".*", "$1");
        String message = "{\"Recipient\":\"79251112233\",\"Body\":\"Привет\",\"Reference\":\"r-1\"}";
        String[][] cases = {
            {"{\"SessionId\":\"" + session + "\",\"Messages\":[" + message + "]}", "102"}, // no Sender
            {"{\"SessionId\":\"" + session + "\",\"Sender\":\"SMSHUB\",\"ScheduledDate\":\"25.07.2026 18:20\",\"Messages\":["
                    + message + "]}", "102"},
            {"{\"SessionId\":\"" + session + "\",\"Sender\":\"SMSHUB\",\"SendWithinHours\":24,\"Messages\":[" + message + "]}", "102"},
            {"{\"SessionId\":\"" + session + "\",\"Sender\":\"SMSHUB\",\"Messages\":[" + String.join(",",
                    java.util.Collections.nCopies(20_001, message)) + "]}", "301"}, // limitation 1
            {"{\"SessionId\":\"" + session + "\",\"Sender\":", "102"}, // not JSON
        };
        for (String[] c : cases) {
            String answer = post("Send", c[0]);
            assertTrue(answer.contains("\"StatusCode\":" + c[1]), c[1] + " expected: " + answer);
        }
        assertEquals(0, SIMULATOR.counter("accepted"), "nothing taken");
    }

    /** One request to the simulator, tried again while the account is busy with the gateway's (104, limitation 1). */
    private static String post(String method, String json) throws Exception {
        for (int i = 0; ; i++) {
            String answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Gateway.SIMULATOR + "/mobipace/v3/" + method)).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body().replace(" ", "");
            if (!answer.contains("\"StatusCode\":104") || i == 20) {
                return answer;
            }
            Thread.sleep(100);
        }
    }
}
