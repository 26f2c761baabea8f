package com.smshub.gateway.admin;

import jakarta.ejb.EJB;
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
 * A tenant's ongoing subscriptions (what STOP ends and confirms):
 * {@code PUT|GET|DELETE /smshub/admin/tenants/{tenant}/subscriptions/{number}} (PUT takes the service's name as
 * plain text; 204, GET 200 or 404, DELETE 204 or 404). What INFO answers is TenantInfoResource's.
 */
@Path("/tenants/{tenant}/subscriptions/{number}")
@Produces(MediaType.TEXT_PLAIN)
public class SubscriptionResource {

    @EJB
    InboundAdministration inbound;

    @PUT
    public Response subscribe(@PathParam("tenant") String tenant, @PathParam("number") String number, String service) {
        try {
            inbound.subscribe(tenant, number, service == null || service.isBlank() ? null : service.strip());
            return Response.noContent().build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        }
    }

    @GET
    public Response subscribed(@PathParam("tenant") String tenant, @PathParam("number") String number) {
        try {
            return inbound.subscribed(tenant, number) ? Response.ok("subscribed\n").build()
                    : Response.status(Response.Status.NOT_FOUND).entity("no subscription\n").build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        }
    }

    @DELETE
    public Response unsubscribe(@PathParam("tenant") String tenant, @PathParam("number") String number) {
        try {
            return inbound.unsubscribe(tenant, number) ? Response.noContent().build()
                    : Response.status(Response.Status.NOT_FOUND).entity("no subscription\n").build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        }
    }

}
