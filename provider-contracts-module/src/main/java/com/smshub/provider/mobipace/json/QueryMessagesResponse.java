package com.smshub.provider.mobipace.json;

import java.util.List;

import jakarta.json.bind.annotation.JsonbProperty;

/** The answer to QueryMessages. */
public record QueryMessagesResponse(
        @JsonbProperty("StatusCode") int statusCode,
        @JsonbProperty("Status") String status,
        @JsonbProperty("MessageStatuses") List<MessageStatusEntry> messageStatuses) {
}
