package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.HealthStatus;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.Ping;

/**
 * The server's MicroProfile Health endpoints on the management interface, as a load balancer or an orchestrator
 * reads them: liveness names the gateway and its version; readiness covers the database, the broker and every
 * enabled provider account, and one account away is shown without taking the node out of service.
 */
@RunAsClient
class HealthEndToEndIT extends DeployedGateway {

    private static final String MANAGEMENT = "http://localhost:9990";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Operator operator = new Operator();

    @AfterEach
    void cleanUp() throws Exception {
        operator.cleanUp();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(MANAGEMENT + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of the named check in a health answer, or null when it is not there. */
    private static String status(String body, String check) {
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(check) + "\"\\s*,\\s*\"status\"\\s*:\\s*\"(UP|DOWN)\"")
                .matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /** A data entry of the answer, or null. */
    private static String data(String body, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void livenessNamesTheGatewayAndItsVersion() throws Exception {
        HttpResponse<String> live = get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", status(live.body(), "smshub"), live.body());
        assertTrue(data(live.body(), "version") != null && !data(live.body(), "version").isBlank(), live.body());
    }

    @Test
    void readinessCoversTheDatabaseTheBrokerAndEachProviderAccount() throws Exception {
        // the SMPP account's session is bound a moment after deployment, by the session keeper
        HttpResponse<String> ready = Await.until(java.time.Duration.ofSeconds(30), () -> {
            try {
                return get("/health/ready");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, r -> String.valueOf(data(r.body(), "MYMSP/mymsp-simulator")).startsWith("UP "));
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("UP", status(ready.body(), "smshub-database"), ready.body());
        assertEquals("UP", status(ready.body(), "smshub-broker"), ready.body());
        assertEquals("UP", status(ready.body(), "smshub-provider-accounts"), ready.body());
        for (String account : new String[] {"MASIV/masiv-simulator", "MOBIPACE/mobipace-simulator", "MYMSP/mymsp-simulator"}) {
            String state = data(ready.body(), account);
            assertTrue(state != null && state.startsWith("UP "), account + ": " + state + " in " + ready.body());
        }
    }

    /**
     * PostgreSQL refuses the gateway's database for a moment (ALLOW_CONNECTIONS false, its sessions ended): readiness
     * answers 503 with the database check DOWN, so a load balancer takes the node out, and liveness stays UP, so an
     * orchestrator does not restart a node that could do nothing better. Then the database comes back: with no
     * operator step, the gateway answers twenty Pings in a row within 20 s (each dead connection fails once and the
     * pool destroys it); then the pool lets go of the rest (the management operation docs/operations.md gives) and
     * the node is ready again, and its periodic jobs run again: the database stays away for two seconds, in which the
     * outbox relay (every 100 ms) fails a score of times, and a message sent afterwards still reaches DELIVERED, which
     * it can only through the relay. On H2 the database is embedded in the server and cannot be away while the server runs:
     * this test is the PostgreSQL suite's.
     */
    @Test
    void readinessIs503WhileTheDatabaseIsAwayAndLivenessStaysUp() throws Exception {
        String args = System.getProperty("smshub.test.server.args", "");
        Matcher url = Pattern.compile("-Dsmshub\\.db\\.url=jdbc:postgresql://([^/]+)/([^?\\s]+)").matcher(args);
        Assumptions.assumeTrue(url.find(), "the suite runs on H2, embedded in the server");
        String database = url.group(2);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + url.group(1) + "/postgres", "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            try {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
                HttpResponse<String> ready = get("/health/ready");
                assertEquals(503, ready.statusCode(), ready.body());
                assertEquals("DOWN", status(ready.body(), "smshub-database"), ready.body());
                HttpResponse<String> live = get("/health/live");
                assertEquals(200, live.statusCode(), live.body());
                Thread.sleep(2_000); // the jobs' runs fail meanwhile: each must be scheduled again all the same
            } finally {
                s.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
            }
        }
        // with no operator step yet: each connection the database ended fails once and is destroyed (the datasource's
        // exception sorter), so the gateway soon answers call after call; a pool that took dead connections back
        // would hand them out again until its background validation, 30 s on
        int[] inARow = {0};
        Await.until(java.time.Duration.ofSeconds(20), () -> {
            try {
                Ping ping = new Ping();
                ping.setCheckProviders(false);
                inARow[0] = Gateway.demo().ping(ping).getDatabase() == HealthStatus.UP ? inARow[0] + 1 : 0;
            } catch (Exception e) { // a fault (GatewayFault) or the call itself failing
                inARow[0] = 0;
            }
            return inARow[0];
        }, n -> n >= 20);
        ModelNode flush = new ModelNode();
        flush.get("operation").set("flush-all-connection-in-pool");
        flush.get("address").add("subsystem", "datasources").add("data-source", "SmsHubDS");
        ModelNode flushed;
        // the management interface of this machine's server, which authenticates its own user locally
        try (ModelControllerClient management = ModelControllerClient.Factory.create("remote+http", "localhost", 9990)) {
            flushed = management.execute(flush);
        }
        assertEquals("success", flushed.get("outcome").asString(), flushed.toString());
        HttpResponse<String> again = Await.until(java.time.Duration.ofSeconds(30), () -> {
            try {
                return get("/health/ready");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, r -> r.statusCode() == 200);
        assertEquals("UP", status(again.body(), "smshub-database"), again.body());
        String messageId = Gateway.demo().sendSms(Requests.text("After the database came back", Requests.uniqueRecipient()))
                .getResult().get(0).getMessageId();
        // the status, not the state: a message left QUEUED (no relay) is what a failure should name
        assertEquals(MessageStatus.DELIVERED, Await.until(java.time.Duration.ofSeconds(30),
                () -> Requests.status(messageId).getStatus(), status -> status == MessageStatus.DELIVERED));
    }

    @Test
    void anAccountThatDoesNotAnswerIsShownDownAndTheNodeStaysReady() throws Exception {
        operator.account("masiv-unreachable", "MASIV", "http://127.0.0.1:9/SmsHandlers", "smshub", "masiv-password", "");
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), "the others answer, so the node still takes traffic: " + ready.body());
        String state = data(ready.body(), "MASIV/masiv-unreachable");
        assertTrue(state != null && state.startsWith("DOWN: "), "the account away is named, and why: " + state);
        assertEquals("UP", status(ready.body(), "smshub-provider-accounts"), ready.body());
    }
}
