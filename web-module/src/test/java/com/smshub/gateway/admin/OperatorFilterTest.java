package com.smshub.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import com.smshub.audit.boundary.AuditTrail;

/**
 * Every admin write has exactly one audit row: the feature's, with its states, or where the feature recorded
 * none, the filter's (who, method, path, status); reads and refused writes none.
 */
class OperatorFilterTest {

    /** The trail, as the filter writes to it. */
    private static final class Trail extends AuditTrail {
        final List<String> rows = new ArrayList<>();

        @Override
        public void record(String action, String subject, String before, String after) {
            rows.add(action + " " + subject + " " + after);
        }
    }

    private final Trail trail = new Trail();
    private final OperatorFilter filter = new OperatorFilter();

    @Test
    void aWriteThatRecordedNothingGetsTheFiltersRow() throws Exception {
        filter.audit = trail;
        respond("POST", "/routes", "x=1", 201, false);
        assertEquals(List.of("POST /routes?x=1 {\"status\":201}"), trail.rows);
    }

    @Test
    void aWriteItsFeatureRecordedGetsNoSecondRow() throws Exception {
        filter.audit = trail;
        respond("PUT", "/provider-accounts/a", null, 200, true);
        assertEquals(List.of(), trail.rows);
    }

    @Test
    void readsAndRefusedWritesAreNotRecorded() throws Exception {
        filter.audit = trail;
        respond("GET", "/routes", null, 200, false);
        respond("DELETE", "/routes/9", null, 404, false);
        assertEquals(List.of(), trail.rows);
    }

    /** The response filter for a request; {@code featureRecorded}: a row was written while it was served. */
    private void respond(String method, String path, String query, int status, boolean featureRecorded) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        // the count when the request came: below the thread's count now where the feature recorded a row
        properties.put(OperatorFilter.AUDITED_BEFORE, AuditTrail.writtenOnThisThread() - (featureRecorded ? 1 : 0));
        UriInfo uri = proxy(UriInfo.class, (name, args) -> switch (name) {
            case "getPath" -> path;
            case "getRequestUri" -> URI.create("http://localhost/smshub/admin" + path + (query == null ? "" : "?" + query));
            default -> throw new UnsupportedOperationException(name);
        });
        ContainerRequestContext request = proxy(ContainerRequestContext.class, (name, args) -> switch (name) {
            case "getMethod" -> method;
            case "getUriInfo" -> uri;
            case "getProperty" -> properties.get((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
        ContainerResponseContext response = proxy(ContainerResponseContext.class, (name, args) -> switch (name) {
            case "getStatus" -> status;
            default -> throw new UnsupportedOperationException(name);
        });
        filter.filter(request, response);
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
