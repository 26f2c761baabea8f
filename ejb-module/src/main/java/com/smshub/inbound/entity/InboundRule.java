package com.smshub.inbound.entity;

import java.util.Locale;

/**
 * A rule that gives messages from subscribers to a tenant. Each condition that is set must hold; null holds
 * for any message.
 *
 * @param accountId         the provider account it came in on
 * @param shortCode         the number it was sent to, exactly (digits; a leading '+' is ignored)
 * @param destinationSuffix the last digits of the number it was sent to (SMS Pro's Destination Number Trigger)
 * @param keyword           its first word, in any case (myMSP's In-ID is one)
 */
public record InboundRule(Long id, long tenantId, Long accountId, String shortCode, String destinationSuffix, String keyword,
        int priority) {

    public InboundRule {
        shortCode = digits(shortCode);
        destinationSuffix = digits(destinationSuffix);
        keyword = keyword == null || keyword.isBlank() ? null : keyword.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether a message on this account, to this number, with this first word (upper case) meets the rule. */
    public boolean matches(long account, String destination, String firstWord) {
        String to = digits(destination);
        return (accountId == null || accountId == account)
                && (shortCode == null || shortCode.equals(to))
                && (destinationSuffix == null || (to != null && to.endsWith(destinationSuffix)))
                && (keyword == null || keyword.equals(firstWord));
    }

    /** How many conditions it sets: the rule that sets more wins. */
    public int specificity() {
        return (accountId == null ? 0 : 1) + (shortCode == null ? 0 : 1) + (destinationSuffix == null ? 0 : 1)
                + (keyword == null ? 0 : 1);
    }

    private static String digits(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String stripped = number.strip();
        return stripped.startsWith("+") ? stripped.substring(1) : stripped;
    }
}
