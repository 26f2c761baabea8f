package com.smshub.message.entity;

/** One entry of the status change feed: its cursor value, the message and the change. */
public record StatusChangeView(long changeId, String messageId, String clientReference, StatusEvent event) {
}
