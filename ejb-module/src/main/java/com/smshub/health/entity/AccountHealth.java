package com.smshub.health.entity;

import com.smshub.provider.Liveness;
import com.smshub.provider.ProviderCode;

/** The liveness of one configured provider account. */
public record AccountHealth(ProviderCode provider, String account, Liveness liveness) {
}
