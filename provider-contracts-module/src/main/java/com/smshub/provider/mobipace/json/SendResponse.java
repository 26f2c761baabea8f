package com.smshub.provider.mobipace.json;

import java.math.BigDecimal;

import jakarta.json.bind.annotation.JsonbProperty;

/** The answer to Send and Calculate: counts of accepted messages and parts, and the price. */
public record SendResponse(
        @JsonbProperty("StatusCode") int statusCode,
        @JsonbProperty("Status") String status,
        @JsonbProperty("MessageCount") Integer messageCount,
        @JsonbProperty("PartCount") Integer partCount,
        @JsonbProperty("AveragePrice") BigDecimal averagePrice,
        @JsonbProperty("TotalPrice") BigDecimal totalPrice) {
}
