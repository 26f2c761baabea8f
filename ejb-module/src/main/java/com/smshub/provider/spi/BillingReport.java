package com.smshub.provider.spi;

import java.util.Objects;

import com.smshub.kernel.ProviderReport;

/**
 * What a provider said about charging the recipient of a premium message (SMS Pro's
 * {@code content_billing_result}, section 7.3). A declined charge means the message was not sent.
 *
 * @param code   the provider's status code (table 7: 101 to 107), or null when approved
 * @param reason   the provider's words
 * @param operator the mobile operator that billed, where told
 */
public record BillingReport(MessageRef message, Outcome outcome, String code, String reason, ProviderReport report,
        String operator) {

    /** The charge's outcome as far as the provider knows it. */
    public enum Outcome {
        /** Charged. */
        APPROVED,
        /** Not settled yet; a final report follows. */
        PENDING,
        /** Not charged, and the message not sent. */
        DECLINED
    }

    public BillingReport {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(outcome, "outcome");
    }
}
