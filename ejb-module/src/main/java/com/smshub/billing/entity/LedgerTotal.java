package com.smshub.billing.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The ledger's totals of one tenant, day (UTC) and currency: what was charged and refunded with the operator's
 * approval, how many of each, and how many charges are still open (REQUESTED, UNKNOWN, PENDING).
 */
public record LedgerTotal(String tenant, LocalDate day, String currency, int charges, BigDecimal charged, int refunds,
        BigDecimal refunded, int declined, int open) {
}
