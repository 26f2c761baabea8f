package com.smshub.tenant.entity;

import java.time.OffsetDateTime;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** A tenant or an operator as operators list it; never its secret, digest or hash. */
public record TenantView(String username, String displayName, String role, boolean enabled, String defaultRegion,
        OffsetDateTime createdAt) {

    public static final String TENANT = "tenant";
    public static final String OPERATOR = "operator";

    /** As the audit keeps it. */
    public String json() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("username", username).add("displayName", displayName)
                .add("role", role).add("enabled", enabled);
        if (defaultRegion == null) {
            json.addNull("defaultRegion");
        } else {
            json.add("defaultRegion", defaultRegion);
        }
        return json.build().toString();
    }
}
