package com.smshub.gateway.admin;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.smshub.provider.ProviderCode;
import com.smshub.routing.boundary.RoutingAdministration;
import com.smshub.routing.entity.AccountSettings;
import com.smshub.routing.entity.AccountView;
import com.smshub.sending.entity.InvalidValueException;

/**
 * Provider accounts, in JSON: {@code GET /smshub/admin/provider-accounts} lists them (secrets never leave);
 * {@code PUT /smshub/admin/provider-accounts/{name}} creates (201) or replaces (200) one. A body that breaks
 * a rule is 400 with the rule in words. Documented in README.md (Provider accounts and routes).
 */
@Path("/provider-accounts")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderAccountResource {

    /** An account on the wire; {@code secretSet} is only answered, {@code secret} only taken. */
    public record Account(String name, String provider, String endpointUrl, String username, String secret,
            Boolean secretSet, Boolean enabled, Integer maxPerSecond, Integer maxConcurrent, Integer recipientsPerRequest) {
    }

    @EJB
    RoutingAdministration routing;

    @GET
    public List<Account> list() {
        return routing.accounts().stream().map(ProviderAccountResource::json).toList();
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
            boolean created = routing.saveAccount(name, new AccountSettings(provider, body.endpointUrl(), body.username(),
                    body.secret(), body.enabled() == null || body.enabled(), body.maxPerSecond(), body.maxConcurrent(),
                    body.recipientsPerRequest()));
            return Response.status(created ? Response.Status.CREATED : Response.Status.OK).build();
        } catch (InvalidValueException e) {
            return Problems.badRequest(e);
        }
    }

    private static Account json(AccountView view) {
        return new Account(view.name(), view.provider().name(), view.endpointUrl(), view.username(), null, view.secretSet(),
                view.enabled(), view.maxPerSecond(), view.maxConcurrent(), view.recipientsPerRequest());
    }
}
