package com.smshub.message.entity;

import java.time.OffsetDateTime;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderReport;

/** One recorded status of a message: when, why (source) and what the provider said, if it was a provider. */
public record StatusEvent(MessageStatus status, OffsetDateTime at, String source, ProviderReport report) {
}
