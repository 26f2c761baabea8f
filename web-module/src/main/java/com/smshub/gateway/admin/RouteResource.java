package com.smshub.gateway.admin;

import java.math.BigDecimal;
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

import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.Money;
import com.smshub.routing.boundary.RoutingAdministration;
import com.smshub.routing.entity.RouteDefinition;

/**
 * Routes, in JSON: {@code GET /smshub/admin/routes} lists them; {@code POST} adds one (201 with its address
 * and id); {@code DELETE /smshub/admin/routes/{id}} removes one (204, or 404). A body that breaks a rule is
 * 400 with the rule in words. Documented in README.md (Provider accounts and routes).
 */
@Path("/routes")
@Produces(MediaType.APPLICATION_JSON)
public class RouteResource {

    /** A route on the wire; {@code price} is per segment, in {@code currency}. */
    public record Route(Long id, String prefix, String tenant, String account, Integer priority, Boolean premium,
            Boolean binary, BigDecimal price, String currency, Boolean enabled) {
    }

    @EJB
    RoutingAdministration routing;

    @GET
    public List<Route> list() {
        return routing.routes().stream().map(RouteResource::json).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(Route body) {
        try {
            if (body == null) {
                throw new InvalidValueException("A JSON route is required");
            }
            if ((body.price() == null) != (body.currency() == null)) {
                throw new InvalidValueException("price and currency go together");
            }
            RouteDefinition added = routing.addRoute(new RouteDefinition(null, body.prefix(), body.tenant(), body.account(),
                    body.priority() == null ? 100 : body.priority(), Boolean.TRUE.equals(body.premium()),
                    Boolean.TRUE.equals(body.binary()), body.price() == null ? null : new Money(body.price(), body.currency()),
                    body.enabled() == null || body.enabled()));
            return Response.created(URI.create("routes/" + added.id())).entity(json(added)).build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        }
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id) {
        return routing.removeRoute(id) ? Response.noContent().build()
                : Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity("No route " + id + "\n").build();
    }

    private static Route json(RouteDefinition route) {
        return new Route(route.id(), route.prefix(), route.tenant(), route.account(), route.priority(), route.premium(),
                route.binary(), route.price() == null ? null : route.price().amount(),
                route.price() == null ? null : route.price().currency(), route.enabled());
    }
}
