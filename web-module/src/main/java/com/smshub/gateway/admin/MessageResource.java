package com.smshub.gateway.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.dispatch.boundary.FailedMessages;

/**
 * Messages, for operators. {@code POST /smshub/admin/messages/{id}/requeue} sends a FAILED message again, as a new
 * attempt of the same message (200 with its new status; 404 for no such message; 409 when it is not FAILED).
 */
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    /** The message's status after the request. */
    public record Requeue(String messageId, String status) {
    }

    @EJB
    FailedMessages failed;

    @POST
    @Path("/{id}/requeue")
    public Response requeue(@PathParam("id") String id) {
        FailedMessages.Result result = failed.requeue(id);
        return switch (result) {
            case REQUEUED -> Response.ok(new Requeue(id, "QUEUED")).build();
            case UNKNOWN -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                    .entity("No message " + id + "\n").build();
            case NOT_FAILED -> Response.status(Response.Status.CONFLICT).type(MediaType.TEXT_PLAIN)
                    .entity("Message " + id + " is not FAILED: only a FAILED message is sent again\n").build();
        };
    }
}
