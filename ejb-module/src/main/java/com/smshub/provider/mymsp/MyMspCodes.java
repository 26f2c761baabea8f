package com.smshub.provider.mymsp;

import java.util.Map;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Reason;
import com.smshub.provider.smpp.ReceiptErrors;

/**
 * myMSP's words onto the gateway's (docs/status-mapping.md, section "myMSP"): its message statuses (section
 * 3.2) and its result codes (section 3.3), which myMSP's SMSC writes as a failed receipt's {@code err:}.
 * SMPP's own command_status and receipt states are {@code SmppCodes}'.
 */
final class MyMspCodes implements ReceiptErrors {

    static final MyMspCodes INSTANCE = new MyMspCodes();

    /** Section 3.3, by code: its text, as myMSP writes it. */
    static final Map<Integer, String> RESULTS = Map.ofEntries(
            Map.entry(100, "User not owner of message"), Map.entry(101, "User information missing"),
            Map.entry(102, "Unknown message type"), Map.entry(103, "Recipient information missing"),
            Map.entry(104, "Missing message text"), Map.entry(105, "Message text longer than 765 characters"),
            Map.entry(106, "Missing message data"), Map.entry(107, "Message subject longer than max 40 characters"),
            Map.entry(108, "Wrong message format"), Map.entry(109, "Invalid time format (expected yyyyMMddHHmmssSSS)"),
            Map.entry(110, "Invalid time (expected value later then 2004-01-01 00:00:00)"),
            Map.entry(201, "Failed authorization, missing user"), Map.entry(202, "Failed authorization, bad password for user"),
            Map.entry(211, "Failed client validation, missing client type"),
            Map.entry(212, "Failed client validation, invalid client type"),
            Map.entry(213, "Failed client validation, expected client version string"),
            Map.entry(221, "Failed client validation, missing client version"),
            Map.entry(222, "Client validation, a newer version is available"),
            Map.entry(223, "Failed client validation, not allowed version"),
            Map.entry(301, "Failed adding recipients to message"), Map.entry(401, "Failed adding content to message"),
            Map.entry(501, "Failed saving message"), Map.entry(502, "Limit maximum messages exceeded"),
            Map.entry(503, "Not enough credits left to send message"), Map.entry(601, "Unknown message number"),
            Map.entry(701, "Unknown request"), Map.entry(901, "Unknown myMSP error, contact support"),
            Map.entry(902, "Unknown error, contact support"));

    private MyMspCodes() {
    }

    /**
     * Section 3.2: 0 Created and 1000 Sending are on their way (SUBMITTED), 1200 Failed is UNDELIVERED; 1100
     * Completed says only that myMSP stopped sending, so the receipt decides (null).
     */
    static MessageStatus ofMessageStatus(int status) {
        return switch (status) {
            case 0, 1000 -> MessageStatus.SUBMITTED;
            case 1100 -> null;
            case 1200 -> MessageStatus.UNDELIVERED;
            default -> throw new IllegalArgumentException("no myMSP message status " + status);
        };
    }

    /**
     * A failed receipt's result code: the message's own fault (100-110, 701) rejects it, the account's
     * (authorisation, client validation, limits, credits: 101, 201-223, 502, 503) too, with that said; myMSP's
     * passing failures (301, 401, 501) leave it undelivered; an unknown message or error (601, 901, 902) is
     * unknown, for the status checks to resolve. A delivered receipt stays delivered whatever err: says, and
     * a code myMSP does not list leaves stat: alone.
     */
    @Override
    public Reading read(MessageStatus status, String err) {
        int code;
        try {
            code = err == null ? 0 : Integer.parseInt(err.strip());
        } catch (NumberFormatException e) {
            return new Reading(status, null);
        }
        String text = RESULTS.get(code);
        if (text == null || status == MessageStatus.DELIVERED) {
            return new Reading(status, null);
        }
        Reason reason = new Reason(reasonCode(code), "myMSP " + code + ": " + text);
        MessageStatus meaning = switch (code) {
            case 301, 401, 501 -> MessageStatus.UNDELIVERED;
            case 601, 901, 902 -> MessageStatus.UNKNOWN;
            default -> MessageStatus.REJECTED;
        };
        return new Reading(status.isFinal() && meaning == MessageStatus.UNKNOWN ? status : meaning, reason);
    }

    private static String reasonCode(int code) {
        return switch (code) {
            case 503 -> "INSUFFICIENT_CREDIT";
            case 101, 201, 202, 211, 212, 213, 221, 222, 223 -> "ACCOUNT_REFUSED";
            default -> "PROVIDER_RESULT";
        };
    }
}
