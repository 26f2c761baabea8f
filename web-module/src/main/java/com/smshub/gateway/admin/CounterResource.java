package com.smshub.gateway.admin;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.smshub.kernel.Counters;

/**
 * {@code GET /smshub/admin/counters}: what this node counted since it started that leaves no row behind (pushes
 * refused by kind, races a unique key settled, automatic answers capped), by name, as JSON.
 */
@Path("/counters")
@Produces(MediaType.APPLICATION_JSON)
public class CounterResource {

    @GET
    public Map<String, Long> counters() {
        return Counters.snapshot();
    }
}
