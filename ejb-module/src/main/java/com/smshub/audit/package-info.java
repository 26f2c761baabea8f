/**
 * The audit trail: one row per write an operator made over the admin API (who, what, when, before and after),
 * written in the write's own transaction, so a write that rolls back leaves no row and one that commits always
 * does. Read by operators at {@code GET /smshub/admin/audit}; docs/operations.md, "Audit".
 */
package com.smshub.audit;
