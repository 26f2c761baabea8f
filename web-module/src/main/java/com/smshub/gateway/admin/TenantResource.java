package com.smshub.gateway.admin;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.NotFoundException;
import com.smshub.tenant.boundary.TenantAdministration;
import com.smshub.tenant.entity.IssuedSecret;
import com.smshub.tenant.entity.TenantChange;
import com.smshub.tenant.entity.TenantView;

/**
 * Tenants and operators, in JSON: {@code GET /smshub/admin/tenants} lists them (no secret ever leaves);
 * {@code PUT /smshub/admin/tenants/{username}} creates one (201, with its generated {@code secret}, shown this once)
 * or changes it (200): {@code displayName}, {@code role} ({@code tenant}, the default, or {@code operator}; fixed
 * once created), {@code enabled} (false stops it on every node within a second), {@code defaultRegion};
 * {@code POST .../{username}/secret} issues a new secret, shown once. A body that breaks a rule is 400 with the
 * rule in words; an unknown user 404. Each write is in the audit trail. Documented in docs/operations.md.
 */
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    /** A tenant on the wire; {@code secret} only ever answered, once, when it is issued. */
    public record Tenant(String username, String displayName, String role, Boolean enabled, String defaultRegion,
            OffsetDateTime createdAt, String secret) {
    }

    @EJB
    TenantAdministration tenants;

    @GET
    public List<Tenant> list() {
        return tenants.list().stream().map(t -> json(t, null)).toList();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("username") String username, Tenant body) {
        try {
            Tenant given = body == null ? new Tenant(null, null, null, null, null, null, null) : body;
            TenantAdministration.Saved saved = tenants.save(username, new TenantChange(given.displayName(), given.role(),
                    given.enabled(), given.defaultRegion()));
            if (saved.created()) {
                return Response.created(URI.create("tenants/" + username)).entity(json(saved.tenant(), saved.issued())).build();
            }
            return Response.ok(json(saved.tenant(), null)).build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        }
    }

    @POST
    @Path("{username}/secret")
    public Response newSecret(@PathParam("username") String username) {
        try {
            IssuedSecret issued = tenants.newSecret(username);
            return Response.ok(new Tenant(issued.username(), null, null, null, null, null, issued.secret())).build();
        } catch (NotFoundException e) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity(e.getMessage() + "\n").build();
        }
    }

    private static Tenant json(TenantView view, IssuedSecret issued) {
        return new Tenant(view.username(), view.displayName(), view.role(), view.enabled(), view.defaultRegion(), view.createdAt(),
                issued == null ? null : issued.secret());
    }
}
