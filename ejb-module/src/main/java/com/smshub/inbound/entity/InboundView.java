package com.smshub.inbound.entity;

import java.time.OffsetDateTime;

import com.smshub.kernel.ProviderCode;

/**
 * A message from a subscriber as its tenant reads it.
 *
 * @param feedId    its place in the tenant's feed (the contract's inboundId)
 * @param text      its text; binary content as hex
 * @param inReplyTo our id of the message it answers, where the provider or the conversation tells, else null
 * @param sender    what the provider told of the subscriber, or null where it told nothing
 */
public record InboundView(long feedId, String from, String to, String keyword, String text, OffsetDateTime receivedAt,
        ProviderCode provider, String inReplyTo, boolean optOut, Sender sender) {

    /**
     * The subscriber as the provider describes it (SMS Pro, section 8, table 8); each part null where not told.
     *
     * @param lookupStatus 0 found, 1 no data available, -2 the look-up failed; null when none was made
     */
    public record Sender(String operator, String firstName, String lastName, String address, String postalCode,
            String city, Integer lookupStatus) {
    }
}
