package com.smshub.provider.mobipace.json;

import java.math.BigDecimal;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The answer to QueryBalance. The document's parameter table spells the credit limit
 * {@code BalaceNegativeLimit} and its example {@code BalanceNegativeLimit}; {@link MobipaceJson} reads both.
 */
public record QueryBalanceResponse(
        @JsonbProperty("StatusCode") int statusCode,
        @JsonbProperty("Status") String status,
        @JsonbProperty("Balance") BigDecimal balance,
        @JsonbProperty("BalanceNegativeLimit") BigDecimal balanceNegativeLimit,
        @JsonbProperty("AvailableFund") BigDecimal availableFund) {
}
