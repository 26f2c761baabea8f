package com.smshub.retention.entity;

import java.time.OffsetDateTime;

/** What a purge removed: everything older than {@code cutOff} that it could. */
public record PurgeReport(OffsetDateTime cutOff, int requests, int messages, int statusChanges, int inboundMessages) {
}
