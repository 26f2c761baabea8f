package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operators' API at /smshub/admin as a test uses it: the accounts and routes it adds are remembered and
 * taken away by {@link #cleanUp()}, so that the gateway is left with the demo routes only and every enabled
 * account reachable.
 */
final class Operator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> routes = new ArrayList<>();
    private final List<String[]> accounts = new ArrayList<>();

    static HttpResponse<String> call(String method, String path, String json, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.BASE + "/smshub/admin/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> call(String method, String path, String json) throws Exception {
        return call(method, path, json, "operator", "operator-password");
    }

    /** The SMS Pro simulator's additional credentials (Appendix 1), which every SMS Pro account there needs. */
    static final String SMSPRO_BASIC = "\"basicUsername\":\"smspro-basic\",\"basicPassword\":\"smspro-basic-password\"";

    /**
     * Creates (or replaces) an account; {@code more} is further JSON members, each after a comma. An SMS Pro account
     * gets the simulator's additional credentials ({@link #SMSPRO_BASIC}) unless {@code more} names its own.
     */
    void account(String name, String provider, String endpoint, String username, String secret, String more) throws Exception {
        if (provider.equals("SMSPRO") && !more.contains("basicUsername")) {
            more = more.contains("\"settings\":{") ? more.replace("\"settings\":{", "\"settings\":{" + SMSPRO_BASIC + ",")
                    : more + ",\"settings\":{" + SMSPRO_BASIC + "}";
        }
        accountAsGiven(name, provider, endpoint, username, secret, more);
    }

    /** Creates (or replaces) an account with exactly what is given, nothing added. */
    void accountAsGiven(String name, String provider, String endpoint, String username, String secret, String more) throws Exception {
        accounts.add(new String[] {name, provider});
        HttpResponse<String> saved = call("PUT", "provider-accounts/" + name, "{\"provider\":\"" + provider + "\",\"endpointUrl\":\""
                + endpoint + "\",\"username\":\"" + username + "\",\"secret\":\"" + secret + "\"" + more + "}");
        assertTrue(saved.statusCode() == 201 || saved.statusCode() == 200, saved.statusCode() + " " + saved.body());
    }

    /** Adds a route, as JSON. */
    void route(String json) throws Exception {
        HttpResponse<String> added = call("POST", "routes", json);
        assertEquals(201, added.statusCode(), added.body());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(added.body());
        assertTrue(id.find(), added.body());
        routes.add(id.group(1));
    }

    /** Removes the routes added and disables the accounts created (accounts are never deleted). */
    void cleanUp() throws Exception {
        for (String id : routes) {
            assertEquals(204, call("DELETE", "routes/" + id, null).statusCode());
        }
        for (String[] account : accounts) {
            assertEquals(200, call("PUT", "provider-accounts/" + account[0], "{\"provider\":\"" + account[1]
                    + "\",\"endpointUrl\":\"http://127.0.0.1:9/\",\"enabled\":false}").statusCode());
        }
        routes.clear();
        accounts.clear();
    }
}
