package com.smshub.provider.spi;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderReport;

/** A status a provider gave when asked: the canonical status it maps to, and what it said. */
public record PolledStatus(MessageStatus status, ProviderReport report) {
}
