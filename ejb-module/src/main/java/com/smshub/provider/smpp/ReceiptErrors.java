package com.smshub.provider.smpp;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Reason;

/**
 * What an SMSC's receipt {@code err:} codes mean, where the provider says more of them than SMPP 3.4 does (a
 * network's or the SMSC's code, appendix B): the status the receipt stands for and why. Without one, the receipt's
 * {@code stat:} decides alone.
 */
@FunctionalInterface
public interface ReceiptErrors {

    /** Reads {@code stat:} and {@code err:} alone. */
    ReceiptErrors NONE = (status, err) -> new Reading(status, null);

    /**
     * @param status what the receipt's stat: (or message_state) says
     * @param err    the receipt's err: field as written, or null
     */
    Reading read(MessageStatus status, String err);

    /** A receipt's status, and why where the code says. */
    record Reading(MessageStatus status, Reason reason) {
    }
}
