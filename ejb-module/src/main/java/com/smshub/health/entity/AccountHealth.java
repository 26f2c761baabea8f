package com.smshub.health.entity;

import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Liveness;

/** The liveness of one configured provider account. */
public record AccountHealth(ProviderCode provider, String account, Liveness liveness) {
}
