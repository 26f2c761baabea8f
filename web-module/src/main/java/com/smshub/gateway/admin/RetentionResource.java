package com.smshub.gateway.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.kernel.RequestValidationException;
import com.smshub.retention.boundary.Retention;
import com.smshub.retention.entity.PurgeReport;

/**
 * {@code POST /smshub/admin/retention/purge?olderThanDays=N[&tenant=name]}: removes now what retention would remove
 * (final messages with their history and send requests, messages from subscribers) older than N days, of one tenant
 * or of all; 200 with what went, as JSON; 400 for a negative number of days or a tenant that does not exist.
 */
@Path("/retention/purge")
public class RetentionResource {

    @EJB
    Retention retention;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response purge(@QueryParam("olderThanDays") Integer days, @QueryParam("tenant") String tenant) {
        if (days == null) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN)
                    .entity("olderThanDays: the number of days to keep, 0 or more\n").build();
        }
        try {
            PurgeReport report = retention.purgeOlderThan(days, tenant == null || tenant.isBlank() ? null : tenant.strip());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("cutOff", report.cutOff().toString());
            body.put("requests", report.requests());
            body.put("messages", report.messages());
            body.put("statusChanges", report.statusChanges());
            body.put("inboundMessages", report.inboundMessages());
            return Response.ok(body).build();
        } catch (RequestValidationException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN)
                    .entity(e.field() + ": " + e.getMessage() + "\n").build();
        }
    }
}
