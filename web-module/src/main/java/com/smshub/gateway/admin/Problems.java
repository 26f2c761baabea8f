package com.smshub.gateway.admin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The operators' API answers a broken rule with 400 and the rule in words, as plain text. */
final class Problems {

    private Problems() {
    }

    static Response badRequest(IllegalArgumentException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN).entity(e.getMessage() + "\n").build();
    }
}
