/**
 * Retention: messages, their history, their send requests and messages from subscribers removed once older than
 * an operator says ({@code smshub.retention.days}; off by default, since removing a tenant's records is a
 * decision, not a default), hourly on one node and on an operator's request, in small transactions. Money is
 * never removed: charges and their answers are the ledger. docs/operations.md, "Retention".
 */
package com.smshub.retention;
