package com.smshub.provider.mobipace.json;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One message of a Send or Calculate request. The recipient is international without '+' or '00' (max 15
 * digits); the reference is our message id, needed to query its status later.
 */
@JsonbPropertyOrder({"recipient", "body", "reference"})
public record OutboundMessage(
        @JsonbProperty("Recipient") String recipient,
        @JsonbProperty("Body") String body,
        @JsonbProperty("Reference") String reference) {
}
