/**
 * The message aggregate: a message, its status history and the read models of both (those in
 * {@code com.smshub.message.entity}, which the edge may name). The only classes whose SQL
 * touches the {@code message} and {@code status_change} tables (docs/persistence.md says why JDBC), one a flow:
 * {@link com.smshub.message.Outbox} (acceptance stores, dispatch takes, claims and records),
 * {@link com.smshub.message.StatusStore} (statuses move forward and are checked), {@link com.smshub.message.MessageReads}
 * (what tenants read), {@link com.smshub.message.Attempts} (the attempt journal) and
 * {@link com.smshub.message.MessageParts}, on one small JDBC helper ({@link com.smshub.message.Jdbc}). It depends on
 * the kernel alone, so every feature may use it without depending on another.
 */
package com.smshub.message;
