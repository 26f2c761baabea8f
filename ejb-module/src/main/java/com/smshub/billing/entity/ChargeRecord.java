package com.smshub.billing.entity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Tags;

/**
 * One line of the ledger: a charge, a refund, or a premium message's charge.
 *
 * @param kind            DEBIT, CREDIT (a refund) or PREMIUM_SMS
 * @param refundsChargeId the charge a refund returns money of, else null
 * @param messageId       the premium message charged, else null
 */
public record ChargeRecord(String id, long tenantId, String clientReference, String requestHash, String kind,
        String refundsChargeId, String messageId, String msisdn, Money amount, BigDecimal vatPercent, String contentType,
        String description, ProviderCode provider, long accountId, ChargeState state, String providerTransactionId,
        String operator, String reasonCode, String reason, OffsetDateTime createdAt, OffsetDateTime processedAt,
        OffsetDateTime reconciledAt, String reconciledBy, Tags tags) {

    public static final String DEBIT = "DEBIT";
    public static final String CREDIT = "CREDIT";
    public static final String PREMIUM_SMS = "PREMIUM_SMS";
}
