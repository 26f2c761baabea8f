package com.smshub.provider.smspro;

import com.smshub.kernel.MessageStatus;
import com.smshub.provider.smspro.xml.MobilectrlResponse;
import com.smshub.provider.spi.SendOutcome;

/**
 * SMS Pro's codes in the gateway's terms (docs/status-mapping.md). Decisions rest on {@code status} and
 * {@code delivery_status} only, never on the message text (section 14.1).
 */
public final class SmsProCodes {

    private SmsProCodes() {
    }

    /**
     * Table 12: the status of {@code mobilectrl_response}.
     *
     * @param reportsFollow whether SMS Pro will report on the request's messages (false for several recipients)
     */
    public static SendOutcome ofResponse(MobilectrlResponse response, boolean reportsFollow) {
        int status = response.getStatus();
        String id = response.getMobilectrlId() == null ? null : response.getMobilectrlId().strip();
        if (status == 0) {
            return new SendOutcome.Accepted(id, "0", reportsFollow);
        }
        String reason = "SMS Pro status " + status + ": " + response.getMessage();
        // -2: the request is not correct, no SMS will be sent; another provider would refuse it too
        return new SendOutcome.Rejected(String.valueOf(status), reason, status != -2);
    }

    /**
     * Table 3: the canonical status of a delivery status report, or null when it changes nothing (an
     * internal error at SMS Pro, or a fault in our status request).
     */
    public static MessageStatus ofDeliveryStatus(int status, Integer deliveryStatus) {
        if (status != 0 || deliveryStatus == null) {
            return null;
        }
        return switch (deliveryStatus) {
            case 0 -> MessageStatus.DELIVERED;
            case 1, 2 -> MessageStatus.SUBMITTED;
            case -1 -> MessageStatus.UNKNOWN;
            case -2 -> MessageStatus.UNDELIVERED;
            default -> null;
        };
    }
}
