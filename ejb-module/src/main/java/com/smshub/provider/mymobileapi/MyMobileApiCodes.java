package com.smshub.provider.mymobileapi;

import java.util.Locale;

import com.smshub.kernel.MessageStatus;
import com.smshub.provider.spi.SendOutcome;

/** MyMobileAPI's answers in the gateway's terms (docs/status-mapping.md, "MyMobileAPI"). */
public final class MyMobileApiCodes {

    private MyMobileApiCodes() {
    }

    /** call_result's result: True, or False with its error. */
    public static boolean succeeded(String result) {
        return result != null && result.strip().equalsIgnoreCase("true");
    }

    /**
     * An entry of entries_failed. Its reason says whether the message itself is at fault (a number, a text, a
     * type or a time MyMobileAPI will never take) or the account is (a sender id or cost centre it may not
     * use, which another account may).
     */
    public static SendOutcome.Rejected entryFailed(String reason) {
        String why = reason == null ? "" : reason.strip().toLowerCase(Locale.ROOT);
        boolean theMessage = why.startsWith("numto") || why.startsWith("data1") || why.startsWith("type") || why.startsWith("time");
        return new SendOutcome.Rejected(why.isEmpty() ? "FAILED" : why.replace(' ', '_').toUpperCase(Locale.ROOT),
                "MyMobileAPI refused the entry: " + (reason == null || reason.isBlank() ? "no reason given" : reason.strip()),
                !theMessage);
    }

    /** The status of a Sent_STR_STR record; anything else is UNKNOWN, its raw value kept beside it. */
    public static MessageStatus ofSentStatus(String status) {
        return switch (status == null ? "" : status.strip().toUpperCase(Locale.ROOT)) {
            case "DELIVRD" -> MessageStatus.DELIVERED;
            case "UNDELIV" -> MessageStatus.UNDELIVERED;
            case "EXPIRED" -> MessageStatus.EXPIRED;
            default -> MessageStatus.UNKNOWN;
        };
    }
}
