package com.smshub.message.entity;

import java.time.OffsetDateTime;
import java.util.List;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderReport;

/** Where one message stands, with its history oldest first. */
public record MessageView(String messageId, String clientReference, String recipient, MessageStatus status,
        ProviderReport lastReport, String reasonCode, String reason, OffsetDateTime acceptedAt, OffsetDateTime updatedAt,
        List<StatusEvent> history) {
}
