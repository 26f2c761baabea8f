package com.smshub.simulator.smspro;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the SMS Pro simulator behaves, changed through {@link SmsProSimulatorControl}. Defaults: everything
 * works, each message is reported delivered 100 ms after it is accepted.
 */
final class SmsProBehaviour {

    /** What the next send requests get. */
    enum SendFailure {
        /** Accept them. */
        NONE,
        /** HTTP 500 without processing: the caller cannot tell (an application error may come after the work). */
        HTTP_500,
        /** HTTP 503 without processing: the service is unavailable, certainly not sent. */
        HTTP_503,
        /**
         * The message is taken and sent, then a proxy in front of SMS Pro answers 502 instead of SMS Pro's answer:
         * sent, though the caller cannot tell.
         */
        HTTP_502,
        /** HTTP 401: the account is refused. */
        HTTP_401,
        /** mobilectrl_response status -2: the request is refused (table 12). */
        STATUS_MINUS_2,
        /** Accept them, then answer only after {@code slowMillis}: the caller times out, the message is sent. */
        SLOW,
        /**
         * Accept them, then drop the connection halfway through the answer: the caller cannot tell whether the
         * message was taken (it was), as after a connection reset by a proxy or a restart of the provider.
         */
        RESET
    }

    /** What the pushed delivery status says. */
    enum Outcome { DELIVERED, FAILED, NONE }

    static volatile boolean alive = true;
    static volatile SendFailure sendFailure = SendFailure.NONE;
    /** How many send requests the failure applies to; negative for all. */
    static final AtomicLong failuresLeft = new AtomicLong(-1);
    static volatile long slowMillis = 15_000;
    static volatile long deliveryDelayMillis = 100;
    static volatile Outcome outcome = Outcome.DELIVERED;
    static volatile boolean duplicateReports;
    static volatile boolean reportBeforeAnswer;
    /** True: after the final report, a stale "SMS IN PROCESS" (delivery_status 1) follows it. */
    static volatile boolean outOfOrderReports;
    /** False: the outcome is recorded (for status requests, section 6.8) but not pushed. */
    static volatile boolean pushReports = true;

    /**
     * The addresses of the agreement (sections 8 and 7.3): where messages from subscribers and premium billing
     * results go. The defaults are the demo gateway's addresses for its simulator account, key and all
     * (system properties {@code smshub.simulator.smspro.mo-url} and {@code ...billing-url}); an address may carry
     * HTTP Basic credentials ({@code http://user:password@host/...}), sent with every push as SMS Pro sends them.
     */
    static final String DEFAULT_MO_URL = System.getProperty("smshub.simulator.smspro.mo-url",
            "http://localhost:8080/smshub/callbacks/smspro/smspro-simulator/smspro-simulator-demo-push-key/mo");
    static final String DEFAULT_BILLING_URL = System.getProperty("smshub.simulator.smspro.billing-url",
            "http://localhost:8080/smshub/callbacks/smspro/smspro-simulator/smspro-simulator-demo-push-key/billing");
    static volatile String moUrl = DEFAULT_MO_URL;
    static volatile String billingUrl = DEFAULT_BILLING_URL;

    private SmsProBehaviour() {
    }

    /** The failure for this request, counting it down. */
    static SendFailure failureNow() {
        SendFailure failure = sendFailure;
        if (failure == SendFailure.NONE) {
            return failure;
        }
        long left = failuresLeft.get();
        if (left == 0) {
            return SendFailure.NONE;
        }
        if (left > 0 && failuresLeft.decrementAndGet() < 0) {
            return SendFailure.NONE;
        }
        return failure;
    }

    static void reset() {
        alive = true;
        sendFailure = SendFailure.NONE;
        failuresLeft.set(-1);
        slowMillis = 15_000;
        deliveryDelayMillis = 100;
        outcome = Outcome.DELIVERED;
        duplicateReports = false;
        reportBeforeAnswer = false;
        outOfOrderReports = false;
        pushReports = true;
        moUrl = DEFAULT_MO_URL;
        billingUrl = DEFAULT_BILLING_URL;
    }

    static Map<String, Object> describe() {
        return Map.ofEntries(Map.entry("alive", alive), Map.entry("sendFailure", sendFailure),
                Map.entry("failuresLeft", failuresLeft.get()), Map.entry("slowMillis", slowMillis),
                Map.entry("deliveryDelayMillis", deliveryDelayMillis), Map.entry("outcome", outcome),
                Map.entry("duplicateReports", duplicateReports), Map.entry("reportBeforeAnswer", reportBeforeAnswer),
                Map.entry("outOfOrderReports", outOfOrderReports), Map.entry("pushReports", pushReports),
                Map.entry("moUrl", moUrl), Map.entry("billingUrl", billingUrl));
    }
}
