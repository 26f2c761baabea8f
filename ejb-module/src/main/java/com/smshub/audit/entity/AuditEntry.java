package com.smshub.audit.entity;

import java.time.OffsetDateTime;

/**
 * One operator's write: {@code action} says what was done ({@code tenant.create}, {@code PUT}), {@code subject} to
 * what ({@code tenant/acme}, {@code /provider-accounts/x}); {@code before} and {@code after} are JSON where known.
 */
public record AuditEntry(long id, OffsetDateTime at, String operator, String action, String subject, String before,
        String after) {
}
