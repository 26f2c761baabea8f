package com.smshub.provider.mobipace.json;

import jakarta.json.bind.annotation.JsonbProperty;

/** POST /v3/QueryBalance. */
public record QueryBalanceRequest(@JsonbProperty("SessionId") String sessionId) {
}
