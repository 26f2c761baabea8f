package com.smshub.message;

/** One entry of the status change feed: its cursor value, the message and the change. */
public record StatusChangeView(long changeId, String messageId, String clientReference, StatusEvent event) {
}
