package com.smshub.provider.spi;

import java.util.Objects;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderReport;

/**
 * What a provider said about a message it was given: the canonical status its code maps to and its words
 * verbatim.
 *
 * @param source where it came from, as the message's history shows it (SMSPRO_PUSH, POLL, SMPP_RECEIPT)
 */
public record DeliveryReport(MessageRef message, MessageStatus status, ProviderReport report, String source) {

    public DeliveryReport {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
    }
}
