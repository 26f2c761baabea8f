package com.smshub.inbound.entity;

import java.time.OffsetDateTime;

import com.smshub.kernel.ProviderCode;

/**
 * A message from a subscriber as its tenant reads it.
 *
 * @param feedId    its place in the tenant's feed (the contract's inboundId)
 * @param text      its text; binary content as hex
 * @param inReplyTo our id of the message it answers, where the provider or the conversation tells, else null
 */
public record InboundView(long feedId, String from, String to, String keyword, String text, OffsetDateTime receivedAt,
        ProviderCode provider, String inReplyTo, boolean optOut) {
}
