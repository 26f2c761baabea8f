package com.smshub.kernel;

/**
 * What a provider said about a message, kept verbatim beside the canonical status it maps to.
 *
 * @param rawStatus         the provider's status as sent (DELIVRD, 0, -2)
 * @param code              the provider's error or result code, or null
 * @param providerMessageId the provider's id of the message, or null
 */
public record ProviderReport(ProviderCode provider, String rawStatus, String code, String providerMessageId) {
}
