package com.smshub.provider.mobipace.json;

import jakarta.json.bind.annotation.JsonbProperty;

/** The status of one message: codes 1-10 before sending, 100-104 after. */
public record MessageStatusEntry(
        @JsonbProperty("Reference") String reference,
        @JsonbProperty("StatusCode") int statusCode,
        @JsonbProperty("Status") String status) {
}
