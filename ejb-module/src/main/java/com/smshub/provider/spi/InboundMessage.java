package com.smshub.provider.spi;

import java.time.OffsetDateTime;
import java.util.Objects;

import com.smshub.kernel.ProviderCode;

/**
 * A message from a subscriber as a provider delivered it.
 *
 * @param accountId         the account it came in on
 * @param providerMessageId the provider's id of it, exactly as given; with the provider, what makes a
 *                          repeated delivery a duplicate
 * @param from              the subscriber's number, E.164 where the provider gave it so, else as given
 * @param to                the number or short code it was sent to, as given
 * @param text              its text, decoded; null for binary content
 * @param binaryHex         its octets in hex, for binary content; else null
 * @param repliesTo         our id of the message it answers, where the provider says so; else null
 * @param optOut            whether the provider flagged it as an opt-out request
 */
public record InboundMessage(ProviderCode provider, long accountId, String providerMessageId, String from, String to,
        String text, String binaryHex, OffsetDateTime receivedAt, String repliesTo, boolean optOut) {

    public InboundMessage {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if ((text == null) == (binaryHex == null)) {
            throw new IllegalArgumentException("exactly one of text and binaryHex");
        }
    }
}
