package com.smshub.gateway.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.smshub.routing.boundary.RoutingAdministration;
import com.smshub.routing.boundary.RoutingAdministration.Resealed;

/**
 * {@code POST /smshub/admin/secrets/reseal}: every stored provider secret sealed again with the credential store's
 * current key where a previous one sealed it (a key rotation, docs/operations.md), in one transaction; answers
 * {@code {"accounts":n,"values":n,"unopened":n}}: values sealed again (zero once nothing is left to do), and values
 * no key opens (left as they are, their accounts named in the log).
 */
@Path("/secrets")
@Produces(MediaType.APPLICATION_JSON)
public class SecretResource {

    @EJB
    RoutingAdministration routing;

    @POST
    @Path("reseal")
    public Resealed reseal() {
        return routing.resealSecrets();
    }
}
