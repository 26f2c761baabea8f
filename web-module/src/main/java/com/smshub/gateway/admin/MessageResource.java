package com.smshub.gateway.admin;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.dispatch.boundary.FailedMessages;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.ProviderReport;
import com.smshub.message.entity.FoundMessage;
import com.smshub.message.entity.MessageCriteria;
import com.smshub.message.entity.MessageView;
import com.smshub.status.boundary.MessageSearch;

/**
 * Messages, for operators. {@code GET /smshub/admin/messages?id=&clientReference=&tenant=&number=&status=&limit=}
 * finds messages of every tenant, newest first (each criterion given narrows, at least one is; at most 200); {@code GET
 * /smshub/admin/messages/{id}} one with its history; {@code POST /smshub/admin/messages/{id}/requeue} sends a FAILED
 * message again, as a new attempt of the same message (200 with its new status; 404 for no such message; 409 when
 * it is not FAILED).
 */
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    /** The message's status after the request. */
    public record Requeue(String messageId, String status) {
    }

    /** A message as an operator reads it; {@code history} only where one message is asked for. */
    public record Message(String messageId, String tenant, String clientReference, String recipient, String status,
            String provider, String account, String providerMessageId, String reasonCode, String reason,
            OffsetDateTime acceptedAt, OffsetDateTime updatedAt, List<Event> history) {
    }

    /** One status of a message's history: when, why (its source) and what the provider said, if it was one. */
    public record Event(String status, OffsetDateTime at, String source, String provider, String rawStatus, String code) {
    }

    @EJB
    FailedMessages failed;

    @EJB
    MessageSearch search;

    @GET
    public Response find(@QueryParam("id") String id, @QueryParam("clientReference") String clientReference,
            @QueryParam("tenant") String tenant, @QueryParam("number") String number, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        MessageStatus state;
        String recipient;
        try {
            state = status == null || status.isBlank() ? null : MessageStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(new InvalidValueException("status is one of " + Arrays.toString(MessageStatus.values())));
        }
        try {
            recipient = number == null || number.isBlank() ? null : Msisdn.parse(number.strip()).e164();
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(new InvalidValueException("number is an international number, +447700900123"));
        }
        if (Stream.of(id, clientReference, tenant, recipient).allMatch(v -> v == null || v.isBlank()) && state == null) {
            return Problems.badRequest(new InvalidValueException("give at least one of id, clientReference, tenant, number, status"));
        }
        return Response.ok(search.find(new MessageCriteria(id, clientReference, tenant, recipient, state), limit).stream()
                .map(MessageResource::json).toList()).build();
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") String id) {
        return search.one(id).map(found -> Response.ok(json(found)).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                        .entity("No message " + id + "\n").build());
    }

    private static Message json(FoundMessage found) {
        MessageView m = found.message();
        ProviderReport last = m.lastReport();
        return new Message(m.messageId(), found.tenant(), m.clientReference(), m.recipient(), m.status().name(),
                last == null ? null : last.provider().name(), found.account(),
                last == null ? null : last.providerMessageId(), m.reasonCode(), m.reason(), m.acceptedAt(), m.updatedAt(),
                m.history().isEmpty() ? null : m.history().stream().map(e -> new Event(e.status().name(), e.at(), e.source(),
                        e.report() == null ? null : e.report().provider().name(), e.report() == null ? null : e.report().rawStatus(),
                        e.report() == null ? null : e.report().code())).toList());
    }

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
