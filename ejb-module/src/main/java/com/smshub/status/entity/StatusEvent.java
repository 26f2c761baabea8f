package com.smshub.status.entity;

import java.time.OffsetDateTime;

/** One recorded status of a message: when, why (source) and what the provider said, if it was a provider. */
public record StatusEvent(MessageStatus status, OffsetDateTime at, String source, ProviderReport report) {
}
