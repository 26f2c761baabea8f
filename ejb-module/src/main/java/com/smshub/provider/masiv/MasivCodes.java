package com.smshub.provider.masiv;

import com.smshub.kernel.MessageStatus;
import com.smshub.provider.spi.SendOutcome;

/** Masiv's codes in the gateway's terms (docs/status-mapping.md, "Masiv"). */
public final class MasivCodes {

    private MasivCodes() {
    }

    /** The error codes of an {@code error} response, as a refusal that may or may not let another route try. */
    public static SendOutcome ofError(int code, String message) {
        String reason = "Masiv error " + code + ": " + (message == null ? "" : message.strip());
        return switch (code) {
            // the message itself: no route will take it
            case 1, 1160 -> new SendOutcome.Rejected(String.valueOf(code), reason, false);
            // passing: try again, then another route
            case 8734 -> new SendOutcome.Retry(reason);
            // the account (1156, 1157, 1159) or our request (1158, 1164): another route may take it
            default -> new SendOutcome.Rejected(String.valueOf(code), reason, true);
        };
    }

    /**
     * getMessage's status (spec 003, "Response parameters": 0 ready to send, 1 sending, 2 delivered to network,
     * 3 delivered to handset (optional), 4 delivery error, 5 general error, 6 length error). Delivered to the
     * network is not the end where the account's route reports delivery to the handset (a 4 may follow it), so it
     * is SUBMITTED there; on an account whose route reports no further ({@code handsetReports} false), it is all
     * Masiv will tell, so DELIVERED.
     */
    public static MessageStatus ofStatus(int status, boolean handsetReports) {
        return switch (status) {
            case 0, 1 -> MessageStatus.SUBMITTED;
            case 2 -> handsetReports ? MessageStatus.SUBMITTED : MessageStatus.DELIVERED;
            case 3 -> MessageStatus.DELIVERED;
            case 4, 5 -> MessageStatus.UNDELIVERED;
            case 6 -> MessageStatus.REJECTED;
            default -> MessageStatus.UNKNOWN;
        };
    }

}
