package com.smshub.simulator.smspro;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import com.smshub.provider.smspro.xml.BillingRequest;
import com.smshub.provider.smspro.xml.BillingResult;
import com.smshub.provider.smspro.xml.ContentBillingResult;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/**
 * Billing Pro (section 10) and the billing of MTB messages (section 7.3) as the simulator plays them. Billing
 * Pro answers only once "the operator" has ({@code billingDelayMillis}); it keeps no memory of request ids, as
 * the document promises none, so the ledger counts how often each request_id was charged: a gateway that
 * charged twice shows as {@code chargedTwice}. Charges are journaled with SMS Pro's ledger (a kill -9 of the
 * server forgets none). Behaviour, set through {@link SmsProSimulatorControl}:
 * {@code billing=APPROVE|DECLINE|SLOW|HTTP_500|HTTP_503|HTTP_502|RESET} (SLOW: the charge is made, the answer
 * comes after {@code slowMillis}; RESET: made, and the connection dropped mid-answer; HTTP_502: made, and a proxy
 * answers 502; HTTP_500 and HTTP_503: not made), {@code billingCode} (table 11, for
 * DECLINE, default 103), {@code premiumBilling=APPROVE|DECLINE|PENDING|RACE} (PENDING: a pending result, then
 * the approval three seconds later; RACE: both pushed at the same moment, on two connections).
 */
final class SmsProBilling {

    private static final Logger LOG = Logger.getLogger(SmsProBilling.class.getName());
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * HTTP_500: not made, answered 500; HTTP_503: not made, answered 503; HTTP_502: made, and a proxy in front
     * answers 502 instead of Billing Pro's answer.
     */
    enum Behaviour { APPROVE, DECLINE, SLOW, HTTP_500, HTTP_503, HTTP_502, RESET }

    /** RACE: the pending result and the approval pushed at the same moment, on two connections. */
    enum Premium { APPROVE, DECLINE, PENDING, RACE }

    static volatile Behaviour behaviour = Behaviour.APPROVE;
    static volatile int declineCode = 103;
    static volatile long delayMillis = 50;
    static volatile Premium premium = Premium.APPROVE;

    static final AtomicLong REQUESTS = new AtomicLong();
    static final AtomicLong DEBITS = new AtomicLong();
    static final AtomicLong CREDITS = new AtomicLong();
    static final AtomicLong DECLINED = new AtomicLong();
    /** Charges made per request_id: more than one is a charge made twice. */
    private static final Map<String, AtomicLong> BY_REQUEST = new ConcurrentHashMap<>();
    /** Öre debited less öre credited, per subscriber. */
    private static final Map<String, AtomicLong> BALANCE = new ConcurrentHashMap<>();
    /** The sub ids of the last billing request for each subscriber, as received ({@code -} for an absent one). */
    private static final Map<String, String> SUB_IDS = new ConcurrentHashMap<>();
    static final AtomicLong PREMIUM_RESULTS = new AtomicLong();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis()); // never repeated by a redeployment

    private SmsProBilling() {
    }

    static void reset() {
        behaviour = Behaviour.APPROVE;
        declineCode = 103;
        delayMillis = 50;
        premium = Premium.APPROVE;
        REQUESTS.set(0);
        DEBITS.set(0);
        CREDITS.set(0);
        DECLINED.set(0);
        PREMIUM_RESULTS.set(0);
        BY_REQUEST.clear();
        BALANCE.clear();
        SUB_IDS.clear();
    }

    /** The sub ids of the last billing request for this subscriber: {@code sub_id_1/sub_id_2}, each {@code -} when absent. */
    static String subIds(String msisdn) {
        return SUB_IDS.getOrDefault(msisdn, "");
    }

    /** The outcome of one billing request: the result document, and whether to cut the answer off. */
    /** @param httpStatus the HTTP status that goes instead of the result document, or 0 */
    record Answer(BillingResult result, boolean slow, boolean reset, int httpStatus) {
    }

    /**
     * The operator charges at once and its answer takes {@code billingDelayMillis} to come back: a request cut
     * off in that time (a kill, a timeout) was made, as a real charge whose answer was lost would be.
     */
    static Answer bill(BillingRequest request, String customer) {
        REQUESTS.incrementAndGet();
        SUB_IDS.put(request.getBill().getMsisdn(), (request.getCustomer().getSubId1() == null ? "-" : request.getCustomer().getSubId1())
                + "/" + (request.getCustomer().getSubId2() == null ? "-" : request.getCustomer().getSubId2()));
        Behaviour now = behaviour;
        if (now == Behaviour.HTTP_500 || now == Behaviour.HTTP_503) {
            return new Answer(null, false, false, now == Behaviour.HTTP_500 ? 500 : 503);
        }
        BillingResult result = new BillingResult();
        result.setCustomerId(customer);
        result.setTransactionId("57:19c472:11175c2ba94:-" + Long.toHexString(SEQUENCE.incrementAndGet()));
        result.setOperator("telenor");
        result.setDatetime(DATETIME.format(LocalDateTime.now()));
        if (now == Behaviour.DECLINE) {
            DECLINED.incrementAndGet();
            result.setStatus(-2);
            result.setStatuscode(declineCode);
            result.setMessage("Declined by the simulated operator.");
        } else {
            boolean credit = "credit".equals(request.getBill().getType());
            String requestId = request.getCustomer().getRequestId() == null ? "" : request.getCustomer().getRequestId().strip();
            long ore = credit ? -request.getBill().getAmount() : request.getBill().getAmount();
            SmsProLedger.billed(requestId, request.getBill().getMsisdn(), ore);
            restore(requestId, request.getBill().getMsisdn(), ore);
            result.setStatus(0);
            result.setStatuscode(0);
            result.setMessage("Billing performed successfully.");
        }
        sleep(delayMillis);
        return new Answer(result, now == Behaviour.SLOW, now == Behaviour.RESET, now == Behaviour.HTTP_502 ? 502 : 0);
    }

    /** Counts a charge made, now or (read back from the journal) before a restart. */
    static void restore(String requestId, String msisdn, long ore) {
        (ore < 0 ? CREDITS : DEBITS).incrementAndGet();
        BY_REQUEST.computeIfAbsent(requestId, k -> new AtomicLong()).incrementAndGet();
        BALANCE.computeIfAbsent(msisdn, k -> new AtomicLong()).addAndGet(ore);
    }

    /** How many request ids were charged more than once. */
    static long chargedTwice() {
        return BY_REQUEST.values().stream().filter(n -> n.get() > 1).count();
    }

    /** How many times this request id was charged. */
    static long charges(String requestId) {
        AtomicLong n = BY_REQUEST.get(requestId);
        return n == null ? 0 : n.get();
    }

    /** Öre charged less öre refunded, for one subscriber. */
    static long balance(String msisdn) {
        AtomicLong n = BALANCE.get(msisdn);
        return n == null ? 0 : n.get();
    }

    /**
     * Section 7.3: the result of an MTB message's charge, pushed to the URL of the agreement
     * ({@code billingUrl} of the control). Returns whether the message may be sent.
     */
    static boolean premium(ScheduledExecutorService scheduler, String customer, String mobilectrlId) {
        Premium now = premium;
        switch (now) {
            case APPROVE -> scheduler.schedule(() -> push(customer, mobilectrlId, 0, false, 0), 20, TimeUnit.MILLISECONDS);
            case DECLINE -> scheduler.schedule(() -> push(customer, mobilectrlId, -2, false, declineCode), 20, TimeUnit.MILLISECONDS);
            case PENDING -> {
                scheduler.schedule(() -> push(customer, mobilectrlId, 0, true, 0), 20, TimeUnit.MILLISECONDS);
                scheduler.schedule(() -> push(customer, mobilectrlId, 0, false, 0), 3000, TimeUnit.MILLISECONDS);
            }
            case RACE -> {
                CountDownLatch together = new CountDownLatch(2);
                for (boolean pending : new boolean[] {true, false}) {
                    scheduler.schedule(() -> {
                        together.countDown();
                        try {
                            together.await(1, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        push(customer, mobilectrlId, 0, pending, 0);
                    }, 20, TimeUnit.MILLISECONDS);
                }
            }
        }
        return now != Premium.DECLINE;
    }

    private static void push(String customer, String mobilectrlId, int status, boolean pending, int code) {
        ContentBillingResult result = new ContentBillingResult();
        result.setCustomerId(customer);
        result.setMobilectrlId(mobilectrlId);
        ContentBillingResult.Status s = new ContentBillingResult.Status();
        s.setValue(status);
        s.setPending(pending);
        result.setStatus(s);
        result.setStatuscode(code);
        ContentBillingResult.Message message = new ContentBillingResult.Message();
        message.setOperator("tre");
        message.setValue(status == 0 ? "Purchase OK" : "The end-user account balance is low.");
        result.setMessage(message);
        result.setDatetime(DATETIME.format(LocalDateTime.now()));
        String url = SmsProBehaviour.billingUrl;
        byte[] body = ProviderXml.of(SmsProSchemas.VOCABULARY).write(result).getBytes(StandardCharsets.ISO_8859_1);
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                if (SmsProReporter.post(url, body) == 200) {
                    PREMIUM_RESULTS.incrementAndGet();
                    return;
                }
            } catch (Exception e) {
                LOG.info(() -> "Billing result for " + mobilectrlId + " failed: " + e);
            }
            sleep(500L * attempt);
        }
    }

    static BillingRequest read(byte[] body) {
        return ProviderXml.of(SmsProSchemas.VOCABULARY).read(new ByteArrayInputStream(body), BillingRequest.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
