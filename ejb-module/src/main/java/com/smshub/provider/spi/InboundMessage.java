package com.smshub.provider.spi;

import java.time.OffsetDateTime;
import java.util.Objects;

import com.smshub.kernel.ProviderCode;

/**
 * A message from a subscriber as a provider delivered it.
 *
 * @param accountId         the account it came in on
 * @param providerMessageId the provider's id of it, exactly as given; with the account, what makes a
 *                          repeated delivery a duplicate. Where the provider gives none (SMPP's deliver_sm),
 *                          {@link #BY_CONTENT} and a digest of the account, addresses and content: a repeat
 *                          is then recognised only within a short window (docs/inbound.md)
 * @param from              the subscriber's number, E.164 where the provider gave it so, else as given
 * @param to                the number or short code it was sent to, as given
 * @param text              its text, decoded; null for binary content
 * @param binaryHex         its octets in hex, for binary content; else null
 * @param repliesTo         our id of the message it answers, where the provider says so; else null
 * @param optOut            whether the provider flagged it as an opt-out request
 * @param sender            what the provider tells of the sender beyond the number, or null
 */
public record InboundMessage(ProviderCode provider, long accountId, String providerMessageId, String from, String to,
        String text, String binaryHex, OffsetDateTime receivedAt, String repliesTo, boolean optOut, Sender sender) {

    /** Starts an id the provider did not give, made of the message's content (see providerMessageId). */
    public static final String BY_CONTENT = "content:";

    /** Whether the provider gave no id: the message is known by its content within a window only. */
    public boolean keyedByContent() {
        return providerMessageId.startsWith(BY_CONTENT);
    }

    /** A message whose provider tells nothing of its sender but the number. */
    public InboundMessage(ProviderCode provider, long accountId, String providerMessageId, String from, String to,
            String text, String binaryHex, OffsetDateTime receivedAt, String repliesTo, boolean optOut) {
        this(provider, accountId, providerMessageId, from, to, text, binaryHex, receivedAt, repliesTo, optOut, null);
    }

    /**
     * The sender as SMS Pro describes it (section 8, table 8): its operator and, where the customer has the
     * look-up, a name and address; each part null where not told.
     *
     * @param lookupStatus 0 found, 1 no data available, -2 the look-up failed; null when none was made
     */
    public record Sender(String operator, String firstName, String lastName, String address, String postalCode,
            String city, Integer lookupStatus) {
    }

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
