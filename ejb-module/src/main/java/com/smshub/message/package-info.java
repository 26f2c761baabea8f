/**
 * The message aggregate: a message, its status history and the read models of both. {@link
 * com.smshub.message.MessageRepository} is the one place SQL touches the {@code message} and
 * {@code status_change} tables (docs/persistence.md says why JDBC): acceptance stores through it, dispatch
 * claims and records through it, the status feature moves statuses and reads through it. It depends on the
 * kernel alone, so every feature may use it without depending on another.
 */
package com.smshub.message;
