package com.smshub.provider.spi;

import java.util.Objects;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.Reason;

/**
 * What a provider said about a message it was given: the canonical status its code maps to and its words
 * verbatim.
 *
 * @param source where it came from, as the message's history shows it (SMSPRO_PUSH, POLL, SMPP_RECEIPT)
 * @param reason   why, in the gateway's words, where the provider's code says more than the status (myMSP's
 *                 result code in an SMPP receipt's err:); null otherwise
 */
public record DeliveryReport(MessageRef message, MessageStatus status, ProviderReport report, String source, Reason reason) {

    public DeliveryReport {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
    }

    public DeliveryReport(MessageRef message, MessageStatus status, ProviderReport report, String source) {
        this(message, status, report, source, null);
    }
}
