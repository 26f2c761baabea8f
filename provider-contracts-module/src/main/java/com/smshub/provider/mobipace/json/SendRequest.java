package com.smshub.provider.mobipace.json;

import java.util.List;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * POST /v3/Send, and /v3/Calculate with the same body: up to 20,000 messages from one sender name. Absent
 * optional values are left out of the JSON.
 *
 * @param scheduledDate   "yyyy-mm-dd HH:mm" in the account's time zone (the document's own example)
 * @param sendWithinHours spread the sending over 0-23 hours
 * @param isWapPush       "true" or "false", sent as a string as the document shows
 */
@JsonbPropertyOrder({"sessionId", "scheduledDate", "sendWithinHours", "isWapPush", "sender", "messages"})
public record SendRequest(
        @JsonbProperty("SessionId") String sessionId,
        @JsonbProperty("ScheduledDate") String scheduledDate,
        @JsonbProperty("SendWithinHours") Integer sendWithinHours,
        @JsonbProperty("IsWapPush") String isWapPush,
        @JsonbProperty("Sender") String sender,
        @JsonbProperty("Messages") List<OutboundMessage> messages) {

    /** The most messages one request may carry (limitation 1). */
    public static final int MAX_MESSAGES = 20_000;
}
