package com.smshub.gateway.admin;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.health.boundary.AccountStates;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.NotFoundException;
import com.smshub.kernel.ProviderCode;
import com.smshub.routing.boundary.RoutingAdministration;
import com.smshub.routing.entity.AmbiguityPolicy;
import com.smshub.routing.entity.AccountDefinition;
import com.smshub.routing.entity.AccountView;

/**
 * Provider accounts, in JSON: {@code GET /smshub/admin/provider-accounts} lists them (secrets never leave);
 * {@code PUT /smshub/admin/provider-accounts/{name}} creates (201) or replaces (200) one;
 * {@code GET /smshub/admin/provider-accounts/health} each account's state as readiness probes it;
 * {@code GET .../{name}/push-addresses} answers the addresses to give the provider for its pushes, and
 * {@code POST .../{name}/push-key} gives the account a new push key and answers the new addresses (the old key
 * is taken for a day more). A body that breaks a rule is 400 with the rule in words. Documented in README.md
 * (Provider accounts and routes) and docs/security.md.
 */
@Path("/provider-accounts")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderAccountResource {

    /**
     * An account on the wire; {@code secretSet} is only answered, {@code secret} only taken. {@code settings} are
     * the provider's own (docs/providers/&lt;provider&gt;.md): names with text, number or true/false values.
     */
    public record Account(String name, String provider, String endpointUrl, String username, String secret,
            Boolean secretSet, Boolean enabled, Integer maxPerSecond, Integer maxConcurrent, Map<String, Object> settings,
            String pushUsername, String pushPassword, List<String> pushAllowFrom, String ambiguousAttempts) {
    }

    @EJB
    RoutingAdministration routing;

    @EJB
    AccountStates states;

    @GET
    public List<Account> list() {
        return routing.accounts().stream().map(ProviderAccountResource::json).toList();
    }

    /** Each account's state as readiness probes it ({@code UP 12 ms}, {@code DOWN: <why>}), by account name. */
    @GET
    @Path("health")
    public Map<String, String> health() {
        return states.byAccount();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("name") String name, Account body) {
        try {
            if (body == null) {
                throw new InvalidValueException("A JSON account is required");
            }
            ProviderCode provider;
            try {
                provider = body.provider() == null ? null : ProviderCode.valueOf(body.provider());
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("Unknown provider " + body.provider());
            }
            boolean created = routing.saveAccount(name, new AccountDefinition(provider, body.endpointUrl(), body.username(),
                    body.secret(), body.enabled() == null || body.enabled(), body.maxPerSecond(), body.maxConcurrent(),
                    settings(body.settings()), new AccountDefinition.Push(body.pushUsername(), body.pushPassword(),
                            body.pushAllowFrom()), ambiguity(body.ambiguousAttempts())));
            return Response.status(created ? Response.Status.CREATED : Response.Status.OK).build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        }
    }

    @GET
    @Path("{name}/push-addresses")
    public Response pushAddresses(@PathParam("name") String name) {
        try {
            return Response.ok(routing.pushAddresses(name)).build();
        } catch (NotFoundException e) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity(e.getMessage() + "\n").build();
        }
    }

    @POST
    @Path("{name}/push-key")
    public Response rotatePushKey(@PathParam("name") String name) {
        try {
            return Response.ok(routing.rotatePushKey(name)).build();
        } catch (NotFoundException e) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity(e.getMessage() + "\n").build();
        }
    }

    /** HOLD (the default) or RESEND (docs/reliability.md). */
    private static AmbiguityPolicy ambiguity(String value) {
        try {
            return value == null ? null : AmbiguityPolicy.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("ambiguousAttempts is HOLD or RESEND, not " + value);
        }
    }

    /** Settings as text: a number or true/false is kept as written. */
    private static Map<String, String> settings(Map<String, Object> json) {
        Map<String, String> settings = new TreeMap<>();
        if (json != null) {
            json.forEach((name, value) -> {
                if (value == null || value instanceof Map || value instanceof Collection) {
                    throw new InvalidValueException("setting " + name + " takes a text, a number or true/false");
                }
                settings.put(name, value instanceof BigDecimal number ? number.toPlainString() : value.toString());
            });
        }
        return settings;
    }

    private static Account json(AccountView view) {
        return new Account(view.name(), view.provider().name(), view.endpointUrl(), view.username(), null, view.secretSet(),
                view.enabled(), view.maxPerSecond(), view.maxConcurrent(), Map.copyOf(view.settings()), view.pushUsername(), null,
                view.pushAllowFrom(), view.ambiguousAttempts().name());
    }
}
