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
 * for a minute; this reads the table), else 403. Each feature records its writes with the state before and after;
 * a write that succeeded and recorded nothing (one added without its own row) still leaves a row here: who, the
 * method, the path, the status. So every admin write has exactly one.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class OperatorFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The request property that holds how many audit rows this thread had written when the request came. */
    static final String AUDITED_BEFORE = OperatorFilter.class.getName() + ".audited";

    @EJB
    TenantAdministration tenants;

    @EJB
    AuditTrail audit;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        request.setProperty(AUDITED_BEFORE, AuditTrail.writtenOnThisThread());
        if (!tenants.operatorEnabled()) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN)
                    .entity("This operator is disabled.\n").build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        String path = request.getUriInfo().getPath();
        Object before = request.getProperty(AUDITED_BEFORE);
        if (!WRITES.contains(request.getMethod()) || response.getStatus() >= 400
                || before instanceof Integer written && AuditTrail.writtenOnThisThread() > written) {
            return;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        audit.record(request.getMethod(), "/" + path.replaceFirst("^/", "") + (query == null ? "" : "?" + query), null,
                "{\"status\":" + response.getStatus() + "}");
    }
}
