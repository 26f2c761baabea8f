package com.smshub.message.entity;

import com.smshub.kernel.MessageStatus;

/**
 * What an operator looks for a message by: each criterion given narrows the search, none given lists the newest.
 * {@code recipient} is as stored (E.164 with its +).
 */
public record MessageCriteria(String messageId, String clientReference, String tenant, String recipient, MessageStatus status) {
}
