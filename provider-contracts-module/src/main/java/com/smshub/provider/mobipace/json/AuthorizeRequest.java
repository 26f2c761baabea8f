package com.smshub.provider.mobipace.json;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** POST /v3/authorize: opens a session that expires 60 s after its last request. */
@JsonbPropertyOrder({"username", "password"})
public record AuthorizeRequest(
        @JsonbProperty("Username") String username,
        @JsonbProperty("Password") String password) {

    @Override
    public String toString() {
        return "AuthorizeRequest[username=" + username + ", password=***]";
    }
}
