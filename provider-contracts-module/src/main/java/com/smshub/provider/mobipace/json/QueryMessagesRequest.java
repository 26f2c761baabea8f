package com.smshub.provider.mobipace.json;

import java.util.List;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** POST /v3/QueryMessages: the statuses of messages by the references given when sending. */
@JsonbPropertyOrder({"sessionId", "references"})
public record QueryMessagesRequest(
        @JsonbProperty("SessionId") String sessionId,
        @JsonbProperty("References") List<String> references) {
}
