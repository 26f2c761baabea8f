package com.smshub.gateway.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.smshub.metrics.boundary.Activity;

/**
 * {@code GET /smshub/admin/activity}: this node's counts since it started (messages accepted, each status providers
 * reported) with the time they were read ({@code at}, epoch milliseconds); the console samples it for its charts.
 */
@Path("/activity")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @EJB
    Activity activity;

    @GET
    public Map<String, Object> totals() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("at", Instant.now().toEpochMilli());
        answer.putAll(activity.totals());
        return answer;
    }
}
