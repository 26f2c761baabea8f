package com.smshub.gateway.admin;

import java.io.InputStream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /smshub/admin/openapi.yaml}: the operators' API described in OpenAPI 3.0, written by hand beside these
 * resources (openapi.yaml in this package); {@code AdminOpenApiTest} keeps every resource method in it and nothing
 * else.
 */
@Path("/openapi.yaml")
public class OpenApiResource {

    @GET
    @Produces("application/yaml")
    public InputStream document() {
        return OpenApiResource.class.getResourceAsStream("openapi.yaml");
    }
}
