package com.smshub.kernel;

import java.time.OffsetDateTime;

/**
 * Everything about a message but its recipient, already checked field by field. Exactly one of
 * {@code text} and {@code binaryHex} is set. Built with {@link #text(String)} or {@link #binary(String)}
 * and the builder's named setters, so that a new field does not ripple through every caller.
 *
 * @param originator         the sender address, or null for the account's default
 * @param udhHex             a user data header of the caller's own, binary only
 * @param scheduledAt        send no earlier than this, or null
 * @param validityMinutes    how long the network keeps trying, or null for the provider's default
 * @param premium            the charge to the recipient, or null
 * @param providerPreference the provider to prefer where a route allows, or null
 */
public record SmsContent(Originator originator, String text, String binaryHex, String udhHex, Integer destinationPort,
        Integer sourcePort, boolean flash, OffsetDateTime scheduledAt, Integer validityMinutes, Money premium,
        String premiumDescription, String costCentre, String subId1, String subId2, ProviderCode providerPreference) {

    public SmsContent {
        if ((text == null) == (binaryHex == null)) {
            throw new IllegalArgumentException("exactly one of text and binaryHex");
        }
    }

    public boolean isBinary() {
        return binaryHex != null;
    }

    /** The encoding and segment count this content takes. */
    public Segmentation segmentation() {
        if (isBinary()) {
            int udh = udhHex != null ? udhHex.length() / 2 : (destinationPort != null ? 7 : 0);
            return Segmentation.ofBinary(binaryHex.length() / 2 + udh);
        }
        return Segmentation.ofText(text);
    }

    /** How many characters a provider must take: the text's length, or 0 for binary content. */
    public int textLength() {
        return text == null ? 0 : text.length();
    }

    /** A text message to build on. */
    public static Builder text(String text) {
        Builder builder = new Builder();
        builder.text = text;
        return builder;
    }

    /** A binary message (hex octets) to build on. */
    public static Builder binary(String dataHex) {
        Builder builder = new Builder();
        builder.binaryHex = dataHex;
        return builder;
    }

    /** This content, to change a field of. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.originator = originator;
        b.text = text;
        b.binaryHex = binaryHex;
        b.udhHex = udhHex;
        b.destinationPort = destinationPort;
        b.sourcePort = sourcePort;
        b.flash = flash;
        b.scheduledAt = scheduledAt;
        b.validityMinutes = validityMinutes;
        b.premium = premium;
        b.premiumDescription = premiumDescription;
        b.costCentre = costCentre;
        b.subId1 = subId1;
        b.subId2 = subId2;
        b.providerPreference = providerPreference;
        return b;
    }

    /** Named setters for the optional fields. */
    public static final class Builder {
        private Originator originator;
        private String text;
        private String binaryHex;
        private String udhHex;
        private Integer destinationPort;
        private Integer sourcePort;
        private boolean flash;
        private OffsetDateTime scheduledAt;
        private Integer validityMinutes;
        private Money premium;
        private String premiumDescription;
        private String costCentre;
        private String subId1;
        private String subId2;
        private ProviderCode providerPreference;

        private Builder() {
        }

        public Builder originator(Originator value) {
            originator = value;
            return this;
        }

        public Builder udh(String hex) {
            udhHex = hex;
            return this;
        }

        public Builder ports(Integer destination, Integer source) {
            destinationPort = destination;
            sourcePort = source;
            return this;
        }

        public Builder flash(boolean value) {
            flash = value;
            return this;
        }

        public Builder scheduledAt(OffsetDateTime value) {
            scheduledAt = value;
            return this;
        }

        public Builder validityMinutes(Integer value) {
            validityMinutes = value;
            return this;
        }

        public Builder premium(Money charge, String description) {
            premium = charge;
            premiumDescription = description;
            return this;
        }

        public Builder tags(String costCentreTag, String subId1Tag, String subId2Tag) {
            costCentre = costCentreTag;
            subId1 = subId1Tag;
            subId2 = subId2Tag;
            return this;
        }

        public Builder providerPreference(ProviderCode value) {
            providerPreference = value;
            return this;
        }

        public SmsContent build() {
            return new SmsContent(originator, text, binaryHex, udhHex, destinationPort, sourcePort, flash, scheduledAt,
                    validityMinutes, premium, premiumDescription, costCentre, subId1, subId2, providerPreference);
        }
    }
}
