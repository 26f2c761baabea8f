package com.smshub.message;

import java.util.List;

/** One provider request's worth of messages: one message, or the messages of a dispatch group. */
public record Dispatch(List<String> messageIds) {

    public Dispatch {
        messageIds = List.copyOf(messageIds);
    }
}
