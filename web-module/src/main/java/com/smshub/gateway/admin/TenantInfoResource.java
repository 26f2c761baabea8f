package com.smshub.gateway.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.inbound.boundary.InboundAdministration;
import com.smshub.kernel.InvalidValueException;

/**
 * What INFO answers for a tenant: {@code PUT /smshub/admin/tenants/{tenant}/info} with JSON
 * {@code {"name":..,"phone":..,"contact":..}} (204). Its own root, so that {@code /tenants/{username}} stays
 * TenantResource's.
 */
@Path("/tenants/{tenant}/info")
@Produces(MediaType.TEXT_PLAIN)
public class TenantInfoResource {

    /** What INFO answers: the owner's name, telephone number, e-mail address or URL. */
    public record Info(String name, String phone, String contact) {
    }

    @EJB
    InboundAdministration inbound;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response info(@PathParam("tenant") String tenant, Info info) {
        if (info == null || info.name() == null || info.name().isBlank()) {
            return Problems.badRequest(new InvalidValueException("name is required"));
        }
        inbound.setInfo(tenant, info.name().strip(), blankless(info.phone()), blankless(info.contact()));
        return Response.noContent().build();
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
