package com.smshub.provider.smspro;

import com.smshub.kernel.MessageStatus;
import com.smshub.provider.smspro.xml.BillingResult;
import com.smshub.provider.smspro.xml.MobilectrlResponse;
import com.smshub.provider.spi.BillingReport;
import com.smshub.provider.spi.SubscriberCharging.ChargeOutcome;
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

    /** Tables 7 and 11: why a charge was not made, in SMS Pro's words (section 14.1: decide by the code alone). */
    public static String billingReason(int statusCode) {
        return switch (statusCode) {
            case 101 -> "Purchase not performed. Reason undefined.";
            case 102 -> "The end-user does not exist.";
            case 103 -> "The end-user account balance is low.";
            case 104 -> "The end-user is not allowed to purchase premium services.";
            case 105 -> "Invalid amount.";
            case 106 -> "Invalid VAT.";
            case 107 -> "Invalid currency.";
            default -> "Billing status code " + statusCode + ".";
        };
    }

    /** Section 10.2, table 11: approved only when both status and statuscode are 0. */
    public static ChargeOutcome ofBilling(BillingResult result) {
        String transaction = result.getTransactionId() == null ? null : result.getTransactionId().strip();
        String operator = result.getOperator() == null || result.getOperator().isBlank() ? null : result.getOperator().strip();
        if (result.getStatus() == 0 && result.getStatuscode() == 0) {
            return new ChargeOutcome.Approved(transaction, operator);
        }
        int code = result.getStatuscode() != 0 ? result.getStatuscode() : 101;
        return new ChargeOutcome.Declined(String.valueOf(code), billingReason(code), transaction, operator);
    }

    /**
     * Section 7.3, tables 6 and 7: a premium message's charge. Status 0 is a purchase made; {@code pending}
     * says the operator has not settled it yet (a final result follows); anything else is a charge not made,
     * and SMS Pro then does not send the message.
     */
    public static BillingReport.Outcome ofContentBilling(int status, boolean pending) {
        if (pending) {
            return BillingReport.Outcome.PENDING;
        }
        return status == 0 ? BillingReport.Outcome.APPROVED : BillingReport.Outcome.DECLINED;
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
