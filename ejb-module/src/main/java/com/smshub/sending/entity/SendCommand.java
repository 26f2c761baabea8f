package com.smshub.sending.entity;

import java.util.List;

import com.smshub.kernel.SmsContent;

/**
 * A SendSms or SendBatch call in the domain's terms: each item is one recipient with its content, in the
 * caller's order. Recipients are still as the caller wrote them: each is judged on its own, and a bad one
 * is rejected without failing the others.
 */
public record SendCommand(Kind kind, String clientReference, String batchName, List<Item> items) {

    /** SendSms (one content, many recipients) or SendBatch (one content per item). */
    public enum Kind { SMS, BATCH }

    /** One recipient and what to send it. */
    public record Item(String itemReference, String recipient, SmsContent content) {
    }

    public SendCommand {
        items = List.copyOf(items);
    }
}
