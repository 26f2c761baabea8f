package com.smshub.gateway.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.billing.boundary.ChargeAdministration;
import com.smshub.billing.entity.ChargeRecord;
import com.smshub.billing.entity.ChargeState;
import com.smshub.billing.entity.LedgerTotal;
import com.smshub.billing.entity.NotReconcilableException;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.NotFoundException;

/**
 * The ledger, for operators. {@code GET /smshub/admin/charges?state=UNKNOWN} lists charges in a state (oldest
 * first, at most 1,000), {@code ?messageId=} the charge of a premium message; {@code GET /smshub/admin/charges/{id}} one charge
 * with every answer the provider gave to its requests; {@code POST
 * /smshub/admin/charges/{id}/reconciliation} with JSON {@code {"outcome":"APPROVED"|"DECLINED",
 * "providerTransactionId":..,"operator":..}} settles an UNKNOWN one (409 when it is not UNKNOWN);
 * {@code GET /smshub/admin/charges/report?from=2026-12-01&to=2026-12-31} the totals per tenant, day and currency,
 * JSON, or CSV with {@code Accept: text/csv}.
 */
@Path("/charges")
@Produces(MediaType.APPLICATION_JSON)
public class ChargeResource {

    /** One ledger line on the wire. */
    public record Charge(String id, String tenantReference, String kind, String refundsChargeId, String messageId,
            String msisdn, BigDecimal amount, String currency, String provider, String state, String providerTransactionId,
            String operator, String reasonCode, String reason, OffsetDateTime createdAt, OffsetDateTime processedAt,
            OffsetDateTime reconciledAt, String reconciledBy, String costCentre, String subId1, String subId2,
            List<Answer> answers) {
    }

    /** One answer the provider gave to the charge's request; {@code applied} false when it came after a reconciliation. */
    public record Answer(OffsetDateTime answeredAt, String outcome, String providerTransactionId, String operator,
            String reasonCode, String reason, boolean applied) {
    }

    /** An operator's finding from the provider's records. */
    public record Reconciliation(String outcome, String providerTransactionId, String operator) {
    }

    @EJB
    ChargeAdministration charges;

    @GET
    public Response inState(@QueryParam("state") String state, @QueryParam("messageId") String messageId) {
        if (messageId != null) {
            return Response.ok(charges.ofMessage(messageId).stream().map(ChargeResource::json).toList()).build();
        }
        try {
            return Response.ok(charges.inState(ChargeState.valueOf(state == null ? "UNKNOWN" : state)).stream()
                    .map(ChargeResource::json).toList()).build();
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(new InvalidValueException("state is one of REQUESTED, APPROVED, DECLINED, UNKNOWN, NOT_MADE, PENDING"));
        }
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id) {
        try {
            ChargeRecord charge = charges.charge(id);
            List<Answer> answers = charges.answers(id).stream().map(a -> new Answer(a.answeredAt(), a.outcome().name(),
                    a.providerTransactionId(), a.operator(), a.reasonCode(), a.reason(), a.applied())).toList();
            return Response.ok(json(charge, answers)).build();
        } catch (NotFoundException e) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity(e.getMessage() + "\n").build();
        }
    }

    @POST
    @Path("{id}/reconciliation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reconcile(@PathParam("id") String id, Reconciliation body) {
        ChargeState outcome;
        try {
            outcome = ChargeState.valueOf(body == null || body.outcome() == null ? "" : body.outcome());
            if (!outcome.isFinal()) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(new InvalidValueException("outcome is APPROVED or DECLINED"));
        }
        try {
            return Response.ok(json(charges.reconcile(id, outcome, body.providerTransactionId(), body.operator()))).build();
        } catch (NotFoundException e) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity(e.getMessage() + "\n").build();
        } catch (NotReconcilableException e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.TEXT_PLAIN).entity(e.getMessage() + "\n").build();
        }
    }

    @GET
    @Path("report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        LocalDate first;
        LocalDate last;
        try {
            last = to == null ? LocalDate.now() : LocalDate.parse(to);
            first = from == null ? last : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            return Problems.badRequest(new InvalidValueException("from and to are dates, 2026-12-01"));
        }
        List<LedgerTotal> totals = charges.totals(first, last);
        if (accept != null && accept.contains("text/csv")) {
            StringBuilder csv = new StringBuilder(Csv.row(List.of("tenant", "day", "currency", "charges", "charged", "refunds",
                    "refunded", "declined", "open")));
            for (LedgerTotal t : totals) {
                csv.append(Csv.row(List.of(t.tenant(), t.day(), t.currency(), t.charges(), t.charged().toPlainString(),
                        t.refunds(), t.refunded().toPlainString(), t.declined(), t.open())));
            }
            return Response.ok(csv.toString(), "text/csv; charset=UTF-8").build();
        }
        return Response.ok(totals, MediaType.APPLICATION_JSON).build();
    }

    private static Charge json(ChargeRecord c) {
        return json(c, null);
    }

    /** A ledger line; its answers only where one charge is asked for. */
    private static Charge json(ChargeRecord c, List<Answer> answers) {
        return new Charge(c.id(), c.clientReference(), c.kind(), c.refundsChargeId(), c.messageId(), c.msisdn(),
                c.amount().amount(), c.amount().currency(), c.provider().name(), c.state().name(), c.providerTransactionId(),
                c.operator(), c.reasonCode(), c.reason(), c.createdAt(), c.processedAt(), c.reconciledAt(), c.reconciledBy(),
                c.tags() == null ? null : c.tags().costCentre(), c.tags() == null ? null : c.tags().subId1(),
                c.tags() == null ? null : c.tags().subId2(), answers);
    }
}
