package com.smshub.message.entity;

import com.smshub.kernel.Encoding;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Reason;

/**
 * What became of one recipient of a send (or, priced only, what would): the message stored for it, with the
 * status it was first given.
 *
 * @param messageId null for a rejected recipient, and when only priced
 * @param status    null when only priced
 * @param reason    why it was rejected, or null
 */
public record RecipientOutcome(String recipient, String messageId, boolean accepted, MessageStatus status, Reason reason,
        Encoding encoding, Integer segments, ProviderCode provider, Money price) {

    public String reasonCode() {
        return reason == null ? null : reason.code();
    }

    public String reasonText() {
        return reason == null ? null : reason.text();
    }

    /** The same outcome at another price. */
    public RecipientOutcome withPrice(Money newPrice) {
        return new RecipientOutcome(recipient, messageId, accepted, status, reason, encoding, segments, provider, newPrice);
    }

    /** The same outcome as a price quote: nothing was stored, so no id and no status. */
    public RecipientOutcome priced() {
        return new RecipientOutcome(recipient, null, accepted, null, reason, encoding, segments, provider, price);
    }
}
