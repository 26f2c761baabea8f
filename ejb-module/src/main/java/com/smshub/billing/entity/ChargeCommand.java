package com.smshub.billing.entity;

import java.math.BigDecimal;

import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;

/**
 * ChargeSubscriber in the domain's terms; the number still as the caller wrote it.
 *
 * @param contentType MMS, WAP, SMS, WEB, VOICE, VIDEO or LBS
 */
public record ChargeCommand(String clientReference, String msisdn, Money amount, BigDecimal vatPercent, String description,
        String contentType, ProviderCode providerPreference) {
}
