package com.smshub.gateway.admin;

import java.io.IOException;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import com.smshub.audit.boundary.AuditTrail;
import com.smshub.tenant.boundary.TenantAdministration;

/**
 * Every admin call: the operator must be enabled now (the realm may still hold a disabled operator's credentials
 * for a minute; this reads the table), else 403. Every write that succeeded and records no state of its own
 * (tenants' writes and a message sent again do, with before and after) leaves an audit row: who, the method, the
 * path, the status.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class OperatorFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Writes whose feature records its own audit row, with the state before and after. */
    private static final Set<String> SELF_AUDITED = Set.of("tenants", "messages/");

    @EJB
    TenantAdministration tenants;

    @EJB
    AuditTrail audit;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!tenants.operatorEnabled()) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN)
                    .entity("This operator is disabled.\n").build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        String path = request.getUriInfo().getPath();
        String relative = path.replaceFirst("^/", "");
        if (!WRITES.contains(request.getMethod()) || response.getStatus() >= 400
                || SELF_AUDITED.stream().anyMatch(relative::startsWith)) {
            return;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        audit.record(request.getMethod(), "/" + path.replaceFirst("^/", "") + (query == null ? "" : "?" + query), null,
                "{\"status\":" + response.getStatus() + "}");
    }
}
