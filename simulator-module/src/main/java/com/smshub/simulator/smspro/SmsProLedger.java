package com.smshub.simulator.smspro;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the SMS Pro simulator was sent. A request_id seen before is a duplicate: it gets the first
 * mobilectrl_id again and is counted, so tests can tell how many messages went out twice.
 */
final class SmsProLedger {

    /** One accepted MT request. */
    record Sent(String mobilectrlId, String requestId, List<String> recipients, String deliveryUrl, int deliveryStatus) {
    }

    private static final Map<String, Sent> BY_ID = new ConcurrentHashMap<>();
    private static final Map<String, String> BY_REQUEST = new ConcurrentHashMap<>();
    private static final AtomicLong SEQUENCE = new AtomicLong(0x7ffe);
    static final AtomicLong ACCEPTED = new AtomicLong();
    static final AtomicLong DUPLICATES = new AtomicLong();
    static final AtomicLong RECIPIENTS = new AtomicLong();

    private SmsProLedger() {
    }

    /** The id of an earlier request with this request_id, or null. */
    static String duplicateOf(String requestId) {
        return requestId == null ? null : BY_REQUEST.get(requestId.strip());
    }

    static String newId() {
        return "57:5aa434:eac0a56a0b:" + Long.toHexString(SEQUENCE.incrementAndGet());
    }

    static void record(Sent sent) {
        BY_ID.put(sent.mobilectrlId(), sent);
        if (sent.requestId() != null) {
            BY_REQUEST.put(sent.requestId().strip(), sent.mobilectrlId());
        }
        ACCEPTED.incrementAndGet();
        RECIPIENTS.addAndGet(sent.recipients().size());
    }

    static Sent find(String mobilectrlId) {
        return mobilectrlId == null ? null : BY_ID.get(mobilectrlId.strip());
    }

    /** A status learned by a later report (table 3 delivery status). */
    static void deliveryStatus(String mobilectrlId, int deliveryStatus) {
        BY_ID.computeIfPresent(mobilectrlId, (id, s) -> new Sent(s.mobilectrlId(), s.requestId(), s.recipients(),
                s.deliveryUrl(), deliveryStatus));
    }

    static void clear() {
        BY_ID.clear();
        BY_REQUEST.clear();
        ACCEPTED.set(0);
        DUPLICATES.set(0);
        RECIPIENTS.set(0);
    }
}
