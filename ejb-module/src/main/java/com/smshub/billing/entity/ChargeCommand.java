package com.smshub.billing.entity;

import java.math.BigDecimal;

import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Tags;

/**
 * ChargeSubscriber in the domain's terms; the number still as the caller wrote it.
 *
 * @param contentType MMS, WAP, SMS, WEB, VOICE, VIDEO or LBS
 * @param tags        bookkeeping labels, passed to providers that keep them ({@link Tags#NONE} when none)
 */
public record ChargeCommand(String clientReference, String msisdn, Money amount, BigDecimal vatPercent, String description,
        String contentType, ProviderCode providerPreference, Tags tags) {
}
