package com.smshub.balance.entity;

import java.time.OffsetDateTime;

import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;

/**
 * What one provider account has left, in the provider's own terms; each part null where the provider states
 * none, all of them for a provider that keeps no balance (SMS Pro bills its customers by invoice).
 *
 * @param credits message credits (MyMobileAPI)
 * @param asOf    when the provider answered, or when it was found to keep no balance
 */
public record AccountBalance(ProviderCode provider, String account, Long credits, Money balance, Money creditLimit,
        Money available, OffsetDateTime asOf) {
}
