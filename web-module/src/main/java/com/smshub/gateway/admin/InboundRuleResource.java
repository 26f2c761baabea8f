package com.smshub.gateway.admin;

import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.inbound.boundary.InboundAdministration;
import com.smshub.inbound.boundary.InboundAdministration.RuleDefinition;
import com.smshub.kernel.InvalidValueException;

/**
 * Inbound rules, in JSON: {@code GET /smshub/admin/inbound-rules} lists them; {@code POST} adds one
 * ({@code tenant} required; any of {@code account}, {@code shortCode}, {@code destinationSuffix}, {@code keyword};
 * {@code priority}, default 100), 201 with its id; {@code DELETE /smshub/admin/inbound-rules/{id}} removes one.
 */
@Path("/inbound-rules")
@Produces(MediaType.APPLICATION_JSON)
public class InboundRuleResource {

    /** A rule on the wire. */
    public record Rule(Long id, String tenant, String account, String shortCode, String destinationSuffix, String keyword,
            Integer priority) {
    }

    @EJB
    InboundAdministration inbound;

    @GET
    public List<Rule> list() {
        return inbound.rules().stream().map(InboundRuleResource::json).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(Rule body) {
        try {
            if (body == null) {
                throw new InvalidValueException("A JSON rule is required");
            }
            RuleDefinition added = inbound.addRule(new RuleDefinition(null, body.tenant(), body.account(), body.shortCode(),
                    body.destinationSuffix(), body.keyword(), body.priority() == null ? 100 : body.priority()));
            return Response.created(URI.create("inbound-rules/" + added.id())).entity(json(added)).build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        } catch (IllegalStateException e) {
            return Problems.badRequest(new InvalidValueException(e.getMessage()));
        }
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id) {
        return inbound.removeRule(id) ? Response.noContent().build()
                : Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity("No inbound rule " + id + "\n").build();
    }

    private static Rule json(RuleDefinition rule) {
        return new Rule(rule.id(), rule.tenant(), rule.account(), rule.shortCode(), rule.destinationSuffix(), rule.keyword(),
                rule.priority());
    }
}
