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

    /** getMessage's status 0-6. */
    public static MessageStatus ofStatus(int status) {
        return switch (status) {
            case 0, 1 -> MessageStatus.SUBMITTED;
            case 2, 3 -> MessageStatus.DELIVERED; // delivered to the network is all Masiv may tell
            case 4, 5 -> MessageStatus.UNDELIVERED;
            case 6 -> MessageStatus.REJECTED;
            default -> MessageStatus.UNKNOWN;
        };
    }

}
