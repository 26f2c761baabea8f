package com.smshub.provider;

import com.smshub.status.entity.MessageStatus;
import com.smshub.status.entity.ProviderReport;

/** A status a provider gave when asked: the canonical status it maps to, and what it said. */
public record PolledStatus(MessageStatus status, ProviderReport report) {
}
