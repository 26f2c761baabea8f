package com.smshub.kernel;

import java.time.OffsetDateTime;

/**
 * What a provider said about a message, kept verbatim beside the canonical status it maps to.
 *
 * @param rawStatus         the provider's status as sent (DELIVRD, 0, -2)
 * @param code              the provider's error or result code, or null
 * @param providerMessageId the provider's id of the message, or null
 * @param occurredAt        when the provider says the status came about, where it says (Masiv's getMessage
 *                          date); null for when the gateway learned it
 */
public record ProviderReport(ProviderCode provider, String rawStatus, String code, String providerMessageId,
        OffsetDateTime occurredAt) {

    /** The widths the history keeps them in: what a provider sends beyond them is cut, never refused. */
    static final int MOST_STATUS = 64;
    static final int MOST_CODE = 32;

    public ProviderReport {
        rawStatus = cut(rawStatus, MOST_STATUS);
        code = cut(code, MOST_CODE);
    }

    private static String cut(String value, int most) {
        return value == null || value.length() <= most ? value : value.substring(0, most);
    }

    public ProviderReport(ProviderCode provider, String rawStatus, String code, String providerMessageId) {
        this(provider, rawStatus, code, providerMessageId, null);
    }
}
