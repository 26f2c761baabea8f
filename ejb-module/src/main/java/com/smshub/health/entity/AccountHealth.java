package com.smshub.health.entity;

import com.smshub.provider.spi.Liveness;
import com.smshub.kernel.ProviderCode;

/** The liveness of one configured provider account. */
public record AccountHealth(ProviderCode provider, String account, Liveness liveness) {
}
