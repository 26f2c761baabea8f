package com.smshub.provider.mobipace;

import com.smshub.kernel.MessageStatus;
import com.smshub.provider.spi.SendOutcome;

/** MOBIPACE's codes in the gateway's terms (docs/status-mapping.md, "MOBIPACE"). */
public final class MobipaceCodes {

    /** The request status code of success. */
    public static final int SUCCESS = 101;
    /** The session id is not known (expired after 60 s idle): authorise again. */
    public static final int SESSION_EXPIRED = 103;
    /** Another request of the account is being processed: wait, never fail. */
    public static final int ACCESS_DENIED = 104;
    /** Wrong user name or password: each such authorisation counts towards the user being locked (201). */
    public static final int WRONG_CREDENTIALS = 200;

    private MobipaceCodes() {
    }

    /** A request status code other than success, for a Send. */
    public static SendOutcome ofRequestStatus(int code, String status) {
        String reason = "MOBIPACE " + code + " " + (status == null ? "" : status.strip());
        return switch (code) {
            // a generic error: whether the messages were taken is not known
            case 100 -> new SendOutcome.Unknown(reason);
            // the request itself is wrong: no route will take these messages as they are
            case 102 -> new SendOutcome.Rejected(String.valueOf(code), reason, false);
            // another request is under way on the account: not a failure, the messages wait their turn
            case ACCESS_DENIED, SESSION_EXPIRED -> new SendOutcome.Throttled(reason);
            // 200-202 credentials and locks, 300 out of balance, 301 too many messages, 302 no currency: the account
            default -> new SendOutcome.Rejected(String.valueOf(code), reason, true);
        };
    }

    /** A message status of QueryMessages: 1-10 before sending, 100-104 after. */
    public static MessageStatus ofMessageStatus(int code) {
        return switch (code) {
            case 1, 2, 3 -> MessageStatus.SUBMITTED;
            case 4, 5, 6, 7, 8, 9, 10, 104 -> MessageStatus.REJECTED;
            case 100 -> MessageStatus.DELIVERED;
            case 101, 103 -> MessageStatus.UNDELIVERED;
            case 102 -> MessageStatus.UNKNOWN;
            default -> MessageStatus.UNKNOWN;
        };
    }
}
