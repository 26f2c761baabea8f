package com.smshub.gateway.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.inbound.boundary.InboundAdministration;
import com.smshub.kernel.InvalidValueException;

/**
 * A tenant's ongoing subscriptions (what STOP ends and confirms) and what INFO answers:
 * {@code PUT|GET|DELETE /smshub/admin/tenants/{tenant}/subscriptions/{number}} (PUT takes the service's name as
 * plain text; 204, GET 200 or 404, DELETE 204 or 404); {@code PUT /smshub/admin/tenants/{tenant}/info} with JSON
 * {@code {"name":..,"phone":..,"contact":..}} (204).
 */
@Path("/tenants/{tenant}")
@Produces(MediaType.TEXT_PLAIN)
public class SubscriptionResource {

    /** What INFO answers: the owner's name, telephone number, e-mail address or URL. */
    public record Info(String name, String phone, String contact) {
    }

    @EJB
    InboundAdministration inbound;

    @PUT
    @Path("subscriptions/{number}")
    public Response subscribe(@PathParam("tenant") String tenant, @PathParam("number") String number, String service) {
        try {
            inbound.subscribe(tenant, number, service == null || service.isBlank() ? null : service.strip());
            return Response.noContent().build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        }
    }

    @GET
    @Path("subscriptions/{number}")
    public Response subscribed(@PathParam("tenant") String tenant, @PathParam("number") String number) {
        try {
            return inbound.subscribed(tenant, number) ? Response.ok("subscribed\n").build()
                    : Response.status(Response.Status.NOT_FOUND).entity("no subscription\n").build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        }
    }

    @DELETE
    @Path("subscriptions/{number}")
    public Response unsubscribe(@PathParam("tenant") String tenant, @PathParam("number") String number) {
        try {
            return inbound.unsubscribe(tenant, number) ? Response.noContent().build()
                    : Response.status(Response.Status.NOT_FOUND).entity("no subscription\n").build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        }
    }

    @PUT
    @Path("info")
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
