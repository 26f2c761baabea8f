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

import com.smshub.kernel.InvalidValueException;
import com.smshub.sending.boundary.OptOutAdministration;

/**
 * A tenant's opt-out list, one number at a time:
 * {@code PUT|GET|DELETE /smshub/admin/tenants/{tenant}/opt-outs/{number}}. PUT takes an optional reason as
 * plain text and answers 204; GET answers 200 when the number is on the list and 404 when not; DELETE 204,
 * or 404 when it was not. A number that is not one is 400 with the reason.
 */
@Path("/tenants/{tenant}/opt-outs/{number}")
@Produces(MediaType.TEXT_PLAIN)
public class OptOutResource {

    @EJB
    OptOutAdministration optOuts;

    @PUT
    public Response add(@PathParam("tenant") String tenant, @PathParam("number") String number, String reason) {
        try {
            optOuts.add(tenant, number, reason == null || reason.isBlank() ? null : reason.strip());
            return Response.noContent().build();
        } catch (InvalidValueException e) {
            return badNumber(e);
        }
    }

    @GET
    public Response contains(@PathParam("tenant") String tenant, @PathParam("number") String number) {
        try {
            return optOuts.contains(tenant, number) ? Response.ok("opted out\n").build()
                    : Response.status(Response.Status.NOT_FOUND).entity("not on the list\n").build();
        } catch (InvalidValueException e) {
            return badNumber(e);
        }
    }

    @DELETE
    public Response remove(@PathParam("tenant") String tenant, @PathParam("number") String number) {
        try {
            return optOuts.remove(tenant, number) ? Response.noContent().build()
                    : Response.status(Response.Status.NOT_FOUND).entity("not on the list\n").build();
        } catch (InvalidValueException e) {
            return badNumber(e);
        }
    }

    private static Response badNumber(InvalidValueException e) {
        return Response.status(Response.Status.BAD_REQUEST).entity("Not a mobile number: " + e.getMessage() + "\n").build();
    }
}
