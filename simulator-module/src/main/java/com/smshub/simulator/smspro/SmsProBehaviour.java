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
        /** HTTP 500 without processing: certainly not sent. */
        HTTP_500,
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
    }

    static Map<String, Object> describe() {
        return Map.of("alive", alive, "sendFailure", sendFailure, "failuresLeft", failuresLeft.get(), "slowMillis", slowMillis,
                "deliveryDelayMillis", deliveryDelayMillis, "outcome", outcome, "duplicateReports", duplicateReports,
                "reportBeforeAnswer", reportBeforeAnswer, "outOfOrderReports", outOfOrderReports, "pushReports", pushReports);
    }
}
