package com.smshub.message;

import com.smshub.kernel.ProviderCode;

/** The account dispatch handed a message to. */
public record Handover(ProviderCode provider, long accountId) {
}
