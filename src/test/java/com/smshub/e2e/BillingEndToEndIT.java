package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.ChargeOutcome;
import com.smshub.gateway.v1.ChargeRequest;
import com.smshub.gateway.v1.ChargeResult;
import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.Money;
import com.smshub.gateway.v1.PremiumCharge;
import com.smshub.gateway.v1.RefundSubscriber;
import com.smshub.gateway.v1.SendSms;

/**
 * Charging subscribers through Billing Pro (SMS Pro section 10) and premium messages (section 7), end to end
 * against the SMS Pro simulator, whose ledger counts every charge it made per request id.
 */
@RunAsClient
class BillingEndToEndIT extends SimulatorTest {

    static Money sek(String amount) {
        Money money = new Money();
        money.setAmount(new BigDecimal(amount));
        money.setCurrency("SEK");
        return money;
    }

    static ChargeRequest charge(String reference, String msisdn, String amount) {
        ChargeRequest request = new ChargeRequest();
        request.setClientReference(reference);
        request.setMsisdn(msisdn);
        request.setAmount(sek(amount));
        request.setDescription("Parkering");
        return request;
    }

    static RefundSubscriber refund(String reference, String chargeId, String amount) {
        RefundSubscriber request = new RefundSubscriber();
        request.setClientReference(reference);
        request.setChargeId(chargeId);
        request.setAmount(amount == null ? null : sek(amount));
        return request;
    }

    /** Öre the simulator's operator has taken from the subscriber, less what it gave back. */
    static long balance(String msisdn) {
        return Long.parseLong(Simulator.set("to=" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8)).get("balanceOre"));
    }

    static String reference() {
        return "charge-" + UUID.randomUUID();
    }

    /** The sub ids of the subscriber's last billing request as Billing Pro received them: {@code sub_id_1/sub_id_2}. */
    static String subIds(String msisdn) {
        return Simulator.set("to=" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8)).get("billingSubIds");
    }

    @Test
    void theCallersTagsReachBillingProAsSubIdsAndItsRefundCarriesThem() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        ChargeRequest request = charge(reference(), subscriber, "10.00");
        com.smshub.gateway.v1.Tags tags = new com.smshub.gateway.v1.Tags();
        tags.setCostCentre("CC-4711");
        tags.setSubId1("Parking");
        tags.setSubId2("Zone 3");
        request.setTags(tags);
        ChargeResult charged = Gateway.demo().chargeSubscriber(request);
        assertEquals(ChargeOutcome.APPROVED, charged.getOutcome());
        assertEquals("Parking/Zone 3", subIds(subscriber), "sub_id_1 and sub_id_2 of the billing request (table 9)");
        HttpResponse<String> ledger = Operator.call("GET", "charges/" + charged.getChargeId(), null);
        assertTrue(ledger.body().contains("\"costCentre\":\"CC-4711\""), ledger.body());

        ChargeRequest other = charge(request.getClientReference(), subscriber, "10.00"); // the same reference, no tags
        GatewayFault conflict = assertThrows(GatewayFault.class, () -> Gateway.demo().chargeSubscriber(other));
        assertEquals(FaultCode.IDEMPOTENCY_CONFLICT, conflict.getFaultInfo().getCode(), "the tags are part of the request");

        ChargeResult refunded = Gateway.demo().refundSubscriber(refund(reference(), charged.getChargeId(), null));
        assertEquals(ChargeOutcome.APPROVED, refunded.getOutcome());
        assertEquals("Parking/Zone 3", subIds(subscriber), "the refund is booked as its charge was");
    }

    @Test
    void aSubIdBillingProWouldRefuseIsAValidationFaultAndNothingIsCharged() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        ChargeRequest request = charge(reference(), subscriber, "10.00");
        com.smshub.gateway.v1.Tags tags = new com.smshub.gateway.v1.Tags();
        tags.setSubId2("Zoné 3"); // table 9: ASCII
        request.setTags(tags);
        GatewayFault refused = assertThrows(GatewayFault.class, () -> Gateway.demo().chargeSubscriber(request));
        assertEquals(FaultCode.VALIDATION, refused.getFaultInfo().getCode());
        assertEquals("tags/subId2", refused.getFaultInfo().getField());
        assertEquals("0", Simulator.state().get("billingRequests"), "nothing reached Billing Pro");
        tags.setSubId2("Zone 3");
        assertEquals(ChargeOutcome.APPROVED, Gateway.demo().chargeSubscriber(request).getOutcome(),
                "the reference was not taken by the refused request (else its other tags would be a conflict)");
        assertEquals("1", Simulator.state().get("billingRequests"));
    }

    @Test
    void chargeAndRefundAreMadeOnceAndBothInTheLedger() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        String reference = reference();
        ChargeResult charged = Gateway.demo().chargeSubscriber(charge(reference, subscriber, "10.00"));
        assertEquals(ChargeOutcome.APPROVED, charged.getOutcome());
        assertNotNull(charged.getProviderTransactionId());
        assertEquals("telenor", charged.getOperator());
        assertEquals(1000, balance(subscriber));

        ChargeResult again = Gateway.demo().chargeSubscriber(charge(reference, subscriber, "10.00"));
        assertEquals(charged.getChargeId(), again.getChargeId());
        assertEquals(1000, balance(subscriber), "the same reference never charges twice");

        ChargeResult part = Gateway.demo().refundSubscriber(refund(reference(), charged.getChargeId(), "4.00"));
        assertEquals(ChargeOutcome.APPROVED, part.getOutcome());
        ChargeResult rest = Gateway.demo().refundSubscriber(refund(reference(), charged.getChargeId(), null));
        assertEquals(ChargeOutcome.APPROVED, rest.getOutcome());
        assertEquals(0, new BigDecimal("6.00").compareTo(rest.getAmount().getAmount()),
                "the rest of the charge, not all of it again: " + rest.getAmount().getAmount());
        assertEquals(0, balance(subscriber));
        GatewayFault tooMuch = assertThrows(GatewayFault.class,
                () -> Gateway.demo().refundSubscriber(refund(reference(), charged.getChargeId(), "0.01")));
        assertEquals(FaultCode.VALIDATION, tooMuch.getFaultInfo().getCode());

        for (ChargeResult line : List.of(charged, part, rest)) {
            HttpResponse<String> ledger = Operator.call("GET", "charges/" + line.getChargeId(), null);
            assertEquals(200, ledger.statusCode());
            assertTrue(ledger.body().contains("\"state\":\"APPROVED\""), ledger.body());
            assertTrue(ledger.body().contains("\"providerTransactionId\":\"" + line.getProviderTransactionId() + "\""), ledger.body());
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        HttpResponse<String> report = Operator.call("GET", "charges/report?from=" + today + "&to=" + today, null);
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("\"tenant\":\"demo\""), report.body());
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(Gateway.BASE + "/smshub/admin/charges/report?from="
                + today + "&to=" + today)).header("Accept", "text/csv").header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("operator:operator-password".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("tenant,day,currency,charges,charged,refunds,refunded,declined,open\r\n"), csv.body());
        assertTrue(csv.body().contains("\r\ndemo," + today + ",SEK,"), "RFC 4180 rows: " + csv.body());
    }

    /** What the gateway counted of this name since it started (GET /smshub/admin/counters). */
    static long counter(String name) throws Exception {
        Matcher count = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\d+)")
                .matcher(Operator.call("GET", "counters", null).body());
        return count.find() ? Long.parseLong(count.group(1)) : 0;
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * One ChargeSubscriber call as raw SOAP over its own connection (the generated client shares a few kept-alive
     * connections, which would queue the callers); answers the charge id, or "fault".
     */
    private static String chargeOverItsOwnConnection(String reference, String subscriber) throws Exception {
        String envelope = "<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body>"
                + "<ChargeSubscriber xmlns=\"urn:smshub:gateway:v1\"><clientReference>" + reference + "</clientReference>"
                + "<msisdn>" + subscriber + "</msisdn><amount><amount>25.00</amount><currency>SEK</currency></amount>"
                + "<description>Parkering</description></ChargeSubscriber></Body></Envelope>";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(Gateway.ENDPOINT))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo-password".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("<chargeId>([^<]+)</chargeId>").matcher(answer.body());
        return id.find() ? id.group(1) : "fault: " + answer.body();
    }

    /**
     * Fifty callers with one reference started together get one charge, made once at the operator. Those that looked
     * the reference up before the first recorded it (a few a run, or none on a loaded machine) are answered by the
     * unique key's path, which ChargingRaceIT takes every run.
     */
    @Test
    void fiftyConcurrentRetriesChargeOnce() throws Exception {
        Simulator.set("billingDelayMillis=500");
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            String subscriber = Requests.uniqueRecipient();
            String reference = reference();
            CyclicBarrier start = new CyclicBarrier(50);
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> {
                    start.await();
                    return chargeOverItsOwnConnection(reference, subscriber);
                });
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> result : callers.invokeAll(calls)) {
                ids.add(result.get());
            }
            assertEquals(1, ids.size(), "one charge for one reference: " + ids);
            ChargeResult settled = Await.until(Duration.ofSeconds(10), () -> call(reference, subscriber, "25.00"),
                    r -> r.getOutcome() == ChargeOutcome.APPROVED);
            assertEquals(ids.iterator().next(), settled.getChargeId());
            assertNotNull(settled.getProviderTransactionId());
            assertEquals(2500, balance(subscriber), "charged once at the operator");
        } finally {
            callers.shutdownNow();
        }
        assertEquals("0", Simulator.state().get("chargedTwice"));
    }

    private static ChargeResult call(String reference, String subscriber, String amount) {
        try {
            return Gateway.demo().chargeSubscriber(charge(reference, subscriber, amount));
        } catch (GatewayFault e) {
            throw new AssertionError(e.getFaultInfo().getMessage(), e);
        }
    }

    @Test
    void declinedChargeCarriesTheOperatorsCode() throws Exception {
        Simulator.set("billing=DECLINE&billingCode=103");
        String subscriber = Requests.uniqueRecipient();
        ChargeResult declined = Gateway.demo().chargeSubscriber(charge(reference(), subscriber, "10.00"));
        assertEquals(ChargeOutcome.DECLINED, declined.getOutcome());
        assertEquals("103", declined.getReasonCode());
        assertEquals("The end-user account balance is low.", declined.getReason());
        assertEquals(0, balance(subscriber));
        GatewayFault notRefundable = assertThrows(GatewayFault.class,
                () -> Gateway.demo().refundSubscriber(refund(reference(), declined.getChargeId(), null)));
        assertEquals(FaultCode.VALIDATION, notRefundable.getFaultInfo().getCode());
    }

    @Test
    void whatBillingProWouldRefuseIsDeclinedWithoutARequest() throws Exception {
        long before = Long.parseLong(Simulator.state().get("billingRequests"));
        ChargeResult tooSmall = Gateway.demo().chargeSubscriber(charge(reference(), Requests.uniqueRecipient(), "0.50"));
        assertEquals(ChargeOutcome.DECLINED, tooSmall.getOutcome());
        assertEquals("105", tooSmall.getReasonCode());
        ChargeRequest wrongVat = charge(reference(), Requests.uniqueRecipient(), "10.00");
        wrongVat.setVatPercent(new BigDecimal("12"));
        assertEquals("106", Gateway.demo().chargeSubscriber(wrongVat).getReasonCode());
        assertEquals(before, Long.parseLong(Simulator.state().get("billingRequests")));
    }

    @Test
    void anAnswerLostAfterTheRequestLeftIsUnknownUntilReconciled() throws Exception {
        Simulator.set("billing=RESET");
        String subscriber = Requests.uniqueRecipient();
        String reference = reference();
        ChargeResult unknown = Gateway.demo().chargeSubscriber(charge(reference, subscriber, "12.00"));
        assertEquals(ChargeOutcome.PENDING, unknown.getOutcome());
        assertEquals("OUTCOME_UNKNOWN", unknown.getReasonCode());
        Simulator.set("billing=APPROVE");
        ChargeResult retried = Gateway.demo().chargeSubscriber(charge(reference, subscriber, "12.00"));
        assertEquals(ChargeOutcome.PENDING, retried.getOutcome(), "never charged again blindly");
        assertEquals(1200, balance(subscriber), "the operator charged once, before the answer was lost");

        HttpResponse<String> listed = Operator.call("GET", "charges?state=UNKNOWN", null);
        assertTrue(listed.body().contains(unknown.getChargeId()), listed.body());
        HttpResponse<String> reconciled = Operator.call("POST", "charges/" + unknown.getChargeId() + "/reconciliation",
                "{\"outcome\":\"APPROVED\",\"providerTransactionId\":\"from-statement\",\"operator\":\"telenor\"}");
        assertEquals(200, reconciled.statusCode(), reconciled.body());
        assertEquals(409, Operator.call("POST", "charges/" + unknown.getChargeId() + "/reconciliation",
                "{\"outcome\":\"DECLINED\"}").statusCode(), "reconciled once");
        ChargeResult known = Gateway.demo().chargeSubscriber(charge(reference, subscriber, "12.00"));
        assertEquals(ChargeOutcome.APPROVED, known.getOutcome());
        assertEquals("from-statement", known.getProviderTransactionId());
    }

    @Test
    void aSlowOperatorIsWaitedFor() throws Exception {
        Simulator.set("billing=SLOW&slowMillis=4000");
        String subscriber = Requests.uniqueRecipient();
        long started = System.nanoTime();
        ChargeResult slow = Gateway.demo().chargeSubscriber(charge(reference(), subscriber, "7.00"));
        assertTrue(System.nanoTime() - started >= 4_000_000_000L, "answered once the operator had");
        assertEquals(ChargeOutcome.APPROVED, slow.getOutcome(), "Billing Pro's wait is longer than a send's (3 s in the tests)");
        assertEquals(700, balance(subscriber));
    }

    @Test
    void aChargeNotMadeIsMadeByTheRetry() throws Exception {
        Simulator.set("billing=HTTP_503");
        String subscriber = Requests.uniqueRecipient();
        String reference = reference();
        GatewayFault unavailable = assertThrows(GatewayFault.class,
                () -> Gateway.demo().chargeSubscriber(charge(reference, subscriber, "8.00")));
        assertEquals(FaultCode.PROVIDER_UNAVAILABLE, unavailable.getFaultInfo().getCode());
        Simulator.set("billing=APPROVE");
        assertEquals(ChargeOutcome.APPROVED, Gateway.demo().chargeSubscriber(charge(reference, subscriber, "8.00")).getOutcome());
        assertEquals(800, balance(subscriber));
    }

    @Test
    void aBadGatewayInFrontOfBillingProLeavesTheChargeUnknownAndMadeOnce() throws Exception {
        Simulator.set("billing=HTTP_502");
        String subscriber = Requests.uniqueRecipient();
        String reference = reference();
        ChargeResult unknown = Gateway.demo().chargeSubscriber(charge(reference, subscriber, "9.00"));
        assertEquals(ChargeOutcome.PENDING, unknown.getOutcome());
        assertEquals("OUTCOME_UNKNOWN", unknown.getReasonCode(), "a 502 comes from a proxy whose upstream may have charged");
        Simulator.set("billing=APPROVE");
        assertEquals(ChargeOutcome.PENDING, Gateway.demo().chargeSubscriber(charge(reference, subscriber, "9.00")).getOutcome(),
                "never charged again blindly");
        assertEquals(900, balance(subscriber), "the operator's journal: charged once, behind the proxy");
        assertEquals("0", Simulator.state().get("chargedTwice"));
    }

    @Test
    void aServerErrorProvesNothingAndIsReconciled() throws Exception {
        Simulator.set("billing=HTTP_500");
        String subscriber = Requests.uniqueRecipient();
        ChargeResult unknown = Gateway.demo().chargeSubscriber(charge(reference(), subscriber, "6.00"));
        assertEquals(ChargeOutcome.PENDING, unknown.getOutcome());
        assertEquals("OUTCOME_UNKNOWN", unknown.getReasonCode());
        assertEquals(0, balance(subscriber), "this time the operator made nothing, which only its records show");
        assertEquals(200, Operator.call("POST", "charges/" + unknown.getChargeId() + "/reconciliation",
                "{\"outcome\":\"DECLINED\"}").statusCode());
    }

    @Test
    void refundsNeverReturnMoreThanTheCharge() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        ChargeResult charged = Gateway.demo().chargeSubscriber(charge(reference(), subscriber, "10.00"));
        assertEquals(ChargeOutcome.APPROVED, charged.getOutcome());

        // R1 certainly not made (503): its money stays promised to it, for its caller may retry it any time
        Simulator.set("billing=HTTP_503");
        String first = reference();
        GatewayFault notMade = assertThrows(GatewayFault.class,
                () -> Gateway.demo().refundSubscriber(refund(first, charged.getChargeId(), "10.00")));
        assertEquals(FaultCode.PROVIDER_UNAVAILABLE, notMade.getFaultInfo().getCode());
        Simulator.set("billing=APPROVE");
        GatewayFault second = assertThrows(GatewayFault.class,
                () -> Gateway.demo().refundSubscriber(refund(reference(), charged.getChargeId(), "10.00")));
        assertEquals(FaultCode.VALIDATION, second.getFaultInfo().getCode(), "R2 finds nothing left to refund");
        assertEquals(ChargeOutcome.APPROVED,
                Gateway.demo().refundSubscriber(refund(first, charged.getChargeId(), "10.00")).getOutcome(), "R1's retry is made");
        assertEquals(0, balance(subscriber), "10 charged, 10 refunded: never 20");

        // a refund whose answer proves nothing (500) holds its money too
        ChargeResult again = Gateway.demo().chargeSubscriber(charge(reference(), subscriber, "10.00"));
        Simulator.set("billing=HTTP_500");
        assertEquals(ChargeOutcome.PENDING,
                Gateway.demo().refundSubscriber(refund(reference(), again.getChargeId(), "10.00")).getOutcome());
        Simulator.set("billing=APPROVE");
        assertEquals(FaultCode.VALIDATION, assertThrows(GatewayFault.class,
                () -> Gateway.demo().refundSubscriber(refund(reference(), again.getChargeId(), "10.00"))).getFaultInfo().getCode());
        assertEquals(1000, balance(subscriber), "the second charge stands until the unknown refund is reconciled");
    }

    @Test
    void badRequestsGetStableFaults() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        GatewayFault noReference = assertThrows(GatewayFault.class,
                () -> Gateway.demo().chargeSubscriber(charge("", subscriber, "5.00")));
        assertEquals(FaultCode.VALIDATION, noReference.getFaultInfo().getCode());
        assertEquals("clientReference", noReference.getFaultInfo().getField());

        String reference = reference();
        ChargeResult charged = Gateway.demo().chargeSubscriber(charge(reference, subscriber, "5.00"));
        GatewayFault conflict = assertThrows(GatewayFault.class,
                () -> Gateway.demo().chargeSubscriber(charge(reference, subscriber, "6.00")));
        assertEquals(FaultCode.IDEMPOTENCY_CONFLICT, conflict.getFaultInfo().getCode());

        GatewayFault notTheirs = assertThrows(GatewayFault.class,
                () -> Gateway.as("acme", "acme-password").refundSubscriber(refund(reference(), charged.getChargeId(), null)));
        assertEquals(FaultCode.NOT_FOUND, notTheirs.getFaultInfo().getCode());

        GatewayFault noRoute = assertThrows(GatewayFault.class,
                () -> Gateway.demo().chargeSubscriber(charge(reference(), "+27821234567", "5.00")));
        assertEquals(FaultCode.VALIDATION, noRoute.getFaultInfo().getCode());
        assertEquals("msisdn", noRoute.getFaultInfo().getField());
    }

    @Test
    void premiumMessageIsChargedAndItsChargeRecorded() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        String id = premium(subscriber);
        Await.until(Duration.ofSeconds(20), () -> Requests.status(id).getStatus(), s -> s == MessageStatus.DELIVERED);
        HttpResponse<String> line = Await.until(Duration.ofSeconds(10), () -> ledgerOf(id), r -> r.body().contains("APPROVED"));
        assertTrue(line.body().contains("\"kind\":\"PREMIUM_SMS\"") && line.body().contains("\"operator\":\"tre\""), line.body());
    }

    @Test
    void aPendingPremiumChargeIsRecordedThenSettled() throws Exception {
        Simulator.set("premiumBilling=PENDING");
        String id = premium(Requests.uniqueRecipient());
        Await.until(Duration.ofSeconds(10), () -> ledgerOf(id), r -> r.body().contains("\"state\":\"PENDING\""));
        Await.until(Duration.ofSeconds(20), () -> ledgerOf(id), r -> r.body().contains("\"state\":\"APPROVED\""));
        Await.until(Duration.ofSeconds(20), () -> Requests.status(id).getStatus(), s -> s == MessageStatus.DELIVERED);
    }

    @Test
    void aPendingAndAFinalResultArrivingTogetherLeaveOneLedgerLine() throws Exception {
        Simulator.set("premiumBilling=RACE");
        for (int i = 0; i < 5; i++) {
            String id = premium(Requests.uniqueRecipient());
            HttpResponse<String> lines = Await.until(Duration.ofSeconds(10), () -> ledgerOf(id),
                    r -> r.body().contains("\"state\":\"APPROVED\""));
            assertEquals(1, lines.body().split("\"kind\":\"PREMIUM_SMS\"", -1).length - 1,
                    "one line per premium message, whichever result came first: " + lines.body());
        }
    }

    @Test
    void premiumMessageWhoseChargeFailedIsNotSentAndSaysWhy() throws Exception {
        Simulator.set("premiumBilling=DECLINE&billingCode=104");
        String subscriber = Requests.uniqueRecipient();
        String id = premium(subscriber);
        var state = Await.until(Duration.ofSeconds(20), () -> Requests.status(id), s -> s.getStatus() == MessageStatus.REJECTED);
        assertEquals("BILLING_DECLINED", state.getReasonCode());
        assertTrue(state.getReason().contains("not allowed to purchase premium"), state.getReason());
        HttpResponse<String> line = Await.until(Duration.ofSeconds(10), () -> ledgerOf(id), r -> r.body().contains("DECLINED"));
        assertTrue(line.body().contains("\"reasonCode\":\"104\""), line.body());
    }

    private static String premium(String subscriber) throws GatewayFault {
        SendSms request = Requests.text("Your ticket, 5 kr", subscriber);
        PremiumCharge premium = new PremiumCharge();
        premium.setPrice(sek("5"));
        premium.setDescription("SMS-ticket");
        request.setPremiumCharge(premium);
        return Gateway.demo().sendSms(request).getResult().get(0).getMessageId();
    }

    private static HttpResponse<String> ledgerOf(String messageId) {
        try {
            return Operator.call("GET", "charges?messageId=" + messageId, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
