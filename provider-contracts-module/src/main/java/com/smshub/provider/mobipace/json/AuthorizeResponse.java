package com.smshub.provider.mobipace.json;

import jakarta.json.bind.annotation.JsonbProperty;

/** The answer to authorize: status 101 and the session id on success. */
public record AuthorizeResponse(
        @JsonbProperty("StatusCode") int statusCode,
        @JsonbProperty("Status") String status,
        @JsonbProperty("SessionId") String sessionId) {
}
