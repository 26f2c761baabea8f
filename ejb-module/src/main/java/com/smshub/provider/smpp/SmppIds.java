package com.smshub.provider.smpp;

import java.util.Locale;

/**
 * One form for a message id an SMSC gives, so that the id of submit_sm_resp and the id of its receipt meet
 * even where the SMSC writes them differently: trimmed, lower case, without leading zeros; and, for an SMSC
 * that answers submit_sm in hex and reports in decimal (or the reverse, per account: {@code receiptIds}), the
 * receipt's id turned into the submit answer's base first.
 */
public final class SmppIds {

    /** How an account's SMSC writes the ids of its receipts against those of its submit_sm_resp. */
    public enum ReceiptIds {
        /** In the same base. */
        SAME,
        /** submit_sm_resp in hex, receipts in decimal. */
        DECIMAL_IN_RECEIPTS,
        /** submit_sm_resp in decimal, receipts in hex. */
        HEX_IN_RECEIPTS
    }

    private SmppIds() {
    }

    /** The canonical form of an id as submit_sm_resp gave it. */
    public static String ofSubmit(String id) {
        String value = id.strip().toLowerCase(Locale.ROOT);
        int first = 0;
        while (first < value.length() - 1 && value.charAt(first) == '0') {
            first++;
        }
        return value.substring(first);
    }

    /** The canonical form of an id as a receipt gave it, in the base of the submit answers. */
    public static String ofReceipt(String id, ReceiptIds receiptIds) {
        String value = id.strip();
        try {
            return switch (receiptIds) {
                case SAME -> ofSubmit(value);
                case DECIMAL_IN_RECEIPTS -> new java.math.BigInteger(value, 10).toString(16);
                case HEX_IN_RECEIPTS -> new java.math.BigInteger(value, 16).toString(10);
            };
        } catch (NumberFormatException e) {
            return ofSubmit(value); // not a number in the expected base: matched as it is
        }
    }
}
