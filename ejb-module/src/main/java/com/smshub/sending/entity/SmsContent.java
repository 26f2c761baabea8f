package com.smshub.sending.entity;

import java.time.OffsetDateTime;

import com.smshub.provider.ProviderCode;

/**
 * Everything about a message but its recipient, already checked field by field. Exactly one of
 * {@code text} and {@code binaryHex} is set.
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
}
