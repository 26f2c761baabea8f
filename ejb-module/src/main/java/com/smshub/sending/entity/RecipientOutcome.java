package com.smshub.sending.entity;

import com.smshub.provider.ProviderCode;
import com.smshub.status.entity.MessageStatus;

/** What became of one recipient of a send (or, priced only, what would). */
public record RecipientOutcome(String recipient, String messageId, boolean accepted, MessageStatus status,
        String reasonCode, String reason, Encoding encoding, Integer segments, ProviderCode provider, Money price) {
}
