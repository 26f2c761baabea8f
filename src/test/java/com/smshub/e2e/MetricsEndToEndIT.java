package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.RecipientResult;

/**
 * The Prometheus endpoint on the management interface, as a scraper reads it: the gateway's own meters move with
 * a message as it is accepted, dispatched and reported, and the server's own (the datasource's pool, the queues'
 * depths) are served beside them.
 */
@RunAsClient
class MetricsEndToEndIT extends DeployedGateway {

    private static final String METRICS = "http://localhost:9990/metrics";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static String scrape() {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(METRICS)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            return answer.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The sum of a metric's samples whose labels include these (0 when there is none yet). */
    private static double value(String body, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : body.split("\n")) {
            Matcher m = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    found.put(l.group(1), l.group(2));
                }
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    private static boolean has(String body, String name) {
        return Pattern.compile("^" + Pattern.quote(name) + "[{ ]", Pattern.MULTILINE).matcher(body).find();
    }

    @Test
    void aMessageMovesTheGatewaysMetersFromAcceptanceToItsReport() throws Exception {
        Map<String, String> accepted = Map.of("tenant", "demo", "provider", "MASIV", "account", "masiv-simulator", "status", "QUEUED");
        Map<String, String> submitted = Map.of("provider", "MASIV", "account", "masiv-simulator", "outcome", "submitted");
        Map<String, String> delivered = Map.of("provider", "MASIV", "status", "DELIVERED");
        Map<String, String> calls = Map.of("provider", "MASIV", "account", "masiv-simulator");
        String before = scrape();

        String number = "+57318" + String.format("%07d", (int) (Math.random() * 10_000_000));
        RecipientResult result = Gateway.demo().sendSms(Requests.text("Medido", number)).getResult().get(0);
        assertEquals("MASIV", result.getProvider());
        Await.until(Duration.ofSeconds(60), () -> Requests.status(result.getMessageId()), s -> s.getStatus() == MessageStatus.DELIVERED);

        // the report's count is taken after its transaction commits: a scrape a moment later sees it
        String after = Await.until(Duration.ofSeconds(10), MetricsEndToEndIT::scrape,
                body -> value(body, "smshub_messages_reported_total", delivered) > value(before, "smshub_messages_reported_total", delivered));
        assertEquals(1, value(after, "smshub_messages_accepted_total", accepted) - value(before, "smshub_messages_accepted_total", accepted),
                "one message accepted for the demo tenant to Masiv's account");
        assertEquals(1, value(after, "smshub_messages_dispatched_total", submitted)
                - value(before, "smshub_messages_dispatched_total", submitted), "one dispatch Masiv took");
        assertEquals(1, value(after, "smshub_messages_reported_total", delivered)
                - value(before, "smshub_messages_reported_total", delivered), "one DELIVERED reported by Masiv");
        assertEquals(1, value(after, "smshub_dispatch_call_seconds_count", calls) - value(before, "smshub_dispatch_call_seconds_count", calls),
                "one call to Masiv's adapter timed");
        assertEquals(1, value(after, "smshub_dispatch_call_within_total", Map.of("provider", "MASIV", "le", "+Inf"))
                - value(before, "smshub_dispatch_call_within_total", Map.of("provider", "MASIV", "le", "+Inf")),
                "the call's latency in buckets, as histogram_quantile reads them");
        Map<String, String> ended = Map.of("provider", "MASIV", "status", "DELIVERED");
        assertEquals(1, value(after, "smshub_message_final_seconds_count", ended) - value(before, "smshub_message_final_seconds_count", ended),
                "one message from acceptance to DELIVERED");
        Map<String, String> withinASecond = Map.of("provider", "MASIV", "status", "DELIVERED", "le", "1");
        Map<String, String> withinAll = Map.of("provider", "MASIV", "status", "DELIVERED", "le", "+Inf");
        assertEquals(0, value(after, "smshub_message_final_within_total", withinASecond)
                - value(before, "smshub_message_final_within_total", withinASecond),
                "Masiv's status is first asked for 2 s after submission: not within a second of acceptance");
        assertEquals(1, value(after, "smshub_message_final_within_total", withinAll)
                - value(before, "smshub_message_final_within_total", withinAll));
        assertTrue(has(after, "smshub_outbox_due"), "the outbox's depth");
        // the suite deploys the EAR again for each test class: a gauge of an earlier deployment would read NaN
        assertTrue(value(after, "smshub_outbox_due", Map.of()) >= 0, "the outbox's depth is read by this deployment: " + after);
    }

    @Test
    void anSmppSessionsWindowInUseIsServed() throws Exception {
        Map<String, String> session = Map.of("provider", "MYMSP", "account", "mymsp-simulator");
        // the session is bound a moment after deployment; idle, nothing is in flight
        String idle = Await.until(Duration.ofSeconds(30), MetricsEndToEndIT::scrape,
                body -> body.lines().anyMatch(l -> l.startsWith("smshub_session_in_flight{") && l.contains("mymsp-simulator")));
        assertEquals(0, value(idle, "smshub_session_in_flight", session), idle);
        ProviderSimulator.SMSC.set("responseDelayMillis=3000");
        try {
            List<String> recipients = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                recipients.add("+4741" + String.format("%06d", (int) (Math.random() * 1_000_000)));
            }
            Gateway.demo().sendSms(Requests.text("Windowed", recipients.toArray(String[]::new)));
            // the SMSC holds each submit_sm's response for 3 s: while it does, the submits are in the window
            String busy = Await.until(Duration.ofSeconds(10), MetricsEndToEndIT::scrape,
                    body -> value(body, "smshub_session_in_flight", session) > 0);
            assertTrue(value(busy, "smshub_session_in_flight", session) <= 5, busy);
        } finally {
            ProviderSimulator.SMSC.set("responseDelayMillis=0");
        }
    }

    @Test
    void theServersPoolAndQueuesAreServedBesideTheGatewaysMeters() {
        String body = scrape();
        assertTrue(value(body, "datasources_pool_active_count", Map.of("name", "SmsHubDS")) >= 0
                && has(body, "datasources_pool_active_count"), "the datasource's pool statistics");
        for (String queue : new String[] {"smshub.dispatch", "smshub.dispatch.dlq", "smshub.batches.dlq"}) {
            assertTrue(body.lines().anyMatch(l -> l.startsWith("messaging_activemq_message_count{") && l.contains("name=\"" + queue + "\"")
                    && l.contains("type=\"jms-queue\"")), "the depth of " + queue);
        }
    }
}
