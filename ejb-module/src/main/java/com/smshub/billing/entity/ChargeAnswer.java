package com.smshub.billing.entity;

import java.time.OffsetDateTime;

/**
 * One answer a provider gave to a charge's request, as it came (table {@code charge_answer}).
 *
 * @param applied whether it settled the charge; false when the charge was settled otherwise first (an
 *                operator reconciled it), and the ledger keeps both
 */
public record ChargeAnswer(OffsetDateTime answeredAt, ChargeState outcome, String providerTransactionId, String operator,
        String reasonCode, String reason, boolean applied) {
}
