package com.smshub.gateway.admin;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.jms.JMSException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.gateway.jms.BatchDeadLetters;
import com.smshub.gateway.jms.BatchDeadLetters.DeadLetter;
import com.smshub.gateway.jms.BatchDeadLetters.Outcome;

/**
 * The batch dead-letter queue, for operators: {@code GET /smshub/admin/dead-letters} lists what is in it (oldest
 * first, at most 500, text cut at 4,000 characters); {@code POST .../{id}/replay} takes one as the batch queue would
 * (200, gone from the queue; 422 with the reason, left in it, where it still cannot be taken; 404); {@code DELETE
 * .../{id}} removes one (204; 404). The id is the message's JMSMessageID. (Dispatch dead letters need no replay:
 * they end FAILED, and a FAILED message is sent again with {@code POST /messages/{id}/requeue}.)
 */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @EJB
    BatchDeadLetters deadLetters;

    @GET
    public List<DeadLetter> list() throws JMSException {
        return deadLetters.list();
    }

    @POST
    @Path("{id}/replay")
    public Response replay(@PathParam("id") String id) throws JMSException {
        Outcome outcome = deadLetters.replay(id);
        return switch (outcome.result()) {
            case DONE -> Response.ok("{\"id\":\"" + id + "\",\"replayed\":true}").build();
            case NOT_FOUND -> notFound(id);
            case UNPROCESSABLE -> Response.status(422).type(MediaType.TEXT_PLAIN)
                    .entity("Dead letter " + id + " still cannot be taken, and stays in the queue: " + outcome.reason() + "\n").build();
        };
    }

    @DELETE
    @Path("{id}")
    public Response discard(@PathParam("id") String id) throws JMSException {
        return deadLetters.discard(id).result() == BatchDeadLetters.Result.DONE ? Response.noContent().build() : notFound(id);
    }

    private static Response notFound(String id) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                .entity("No dead letter " + id + " in smshub.batches.dlq\n").build();
    }
}
