package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeFactory;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.gateway.v1.SendSms;
import com.smshub.gateway.v1.StatusEvent;

/**
 * Routes and provider accounts configured by an operator at /smshub/admin, then used: failover to the next
 * route when an account cannot be reached, an account's configured rate holding under a burst, and the
 * recipients of one send going in one request where the account allows it, and a scheduled message held
 * by the gateway where the provider cannot schedule. Prefixes +46716 to +46719 are this test's own (other
 * tests send to +4670...).
 */
@RunAsClient
class RoutingEndToEndIT extends DeployedGateway {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SIMULATED_SMSPRO = Gateway.SIMULATOR + "/smspro/services/CUSTOMER";

    private final List<String> routes = new ArrayList<>();
    private final List<String[]> accounts = new ArrayList<>();

    /** Counts start from zero, after whatever earlier tests sent has arrived. */
    @BeforeEach
    void settleSimulator() {
        Simulator.settledCounter("accepted");
        Simulator.reset();
    }

    /** Leaves the gateway as the other tests expect it: the demo route only, every enabled account reachable. */
    @AfterEach
    void removeRoutesAndDisableAccounts() throws Exception {
        for (String id : routes) {
            assertEquals(204, admin("DELETE", "routes/" + id, null, "operator", "operator-password").statusCode());
        }
        for (String[] account : accounts) {
            assertEquals(200, admin("PUT", "provider-accounts/" + account[0], "{\"provider\":\"" + account[1]
                    + "\",\"endpointUrl\":\"http://127.0.0.1:9/\",\"enabled\":false}", "operator", "operator-password").statusCode());
        }
        Simulator.reset();
    }

    private static HttpResponse<String> admin(String method, String path, String json, String user, String password)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.BASE + "/smshub/admin/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void account(String name, String endpoint, String limits) throws Exception {
        account(name, "SMSPRO", endpoint, limits);
    }

    private void account(String name, String provider, String endpoint, String limits) throws Exception {
        accounts.add(new String[] {name, provider});
        HttpResponse<String> saved = admin("PUT", "provider-accounts/" + name, "{\"provider\":\"" + provider + "\",\"endpointUrl\":\""
                + endpoint + "\",\"username\":\"CUSTOMER\",\"secret\":\"xxxxxxxx\"" + limits + "}", "operator", "operator-password");
        assertTrue(saved.statusCode() == 201 || saved.statusCode() == 200, saved.statusCode() + " " + saved.body());
    }

    private void route(String json) throws Exception {
        HttpResponse<String> added = admin("POST", "routes", json, "operator", "operator-password");
        assertEquals(201, added.statusCode(), added.body());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(added.body());
        assertTrue(id.find(), added.body());
        routes.add(id.group(1));
    }

    private static String number(String prefix) {
        return prefix + String.format("%06d", (int) (Math.random() * 1_000_000));
    }

    private static String[] numbers(String prefix, int count) {
        String[] numbers = new String[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = number(prefix);
        }
        return numbers;
    }

    @Test
    void unreachableAccountFailsOverToTheNextRoute() throws Exception {
        account("it-unreachable", "http://127.0.0.1:9/smspro/services/CUSTOMER", "");
        route("{\"prefix\":\"+46719\",\"account\":\"it-unreachable\",\"priority\":1,\"price\":0.99,\"currency\":\"SEK\"}");

        RecipientResult accepted = Gateway.demo().sendSms(Requests.text("Failover", number("+46719"))).getResult().get(0);
        assertEquals(0, new BigDecimal("0.99").compareTo(accepted.getPrice().getAmount()),
                "routed first to the unreachable account (its price)");

        Await.until(WAIT, () -> Requests.status(accepted.getMessageId()), s -> s.getStatus() == MessageStatus.DELIVERED);
        assertEquals(1, Simulator.counter("accepted"), "delivered through the demo route to the simulator, once");
    }

    @Test
    void accountRateHoldsUnderABurst() throws Exception {
        account("it-throttled", SIMULATED_SMSPRO, ",\"maxPerSecond\":2");
        route("{\"prefix\":\"+46718\",\"account\":\"it-throttled\",\"priority\":1,\"price\":0.07,\"currency\":\"SEK\"}");
        String[] recipients = numbers("+46718", 10);

        List<RecipientResult> results = Gateway.demo().sendSms(Requests.text("Burst", recipients)).getResult();
        List<Long> submitted = new ArrayList<>();
        for (RecipientResult result : results) {
            MessageState delivered = Await.until(WAIT, () -> Requests.status(result.getMessageId()),
                    s -> s.getStatus() == MessageStatus.DELIVERED);
            for (StatusEvent event : delivered.getEvent()) {
                if (event.getStatus() == MessageStatus.SUBMITTED) {
                    submitted.add(event.getAt().toGregorianCalendar().getTimeInMillis());
                }
            }
        }
        assertEquals(10, submitted.size(), "every message submitted once");
        assertEquals(0, new BigDecimal("0.07").compareTo(results.get(0).getPrice().getAmount()), "through the throttled route");
        long span = submitted.stream().mapToLong(Long::longValue).max().orElseThrow()
                - submitted.stream().mapToLong(Long::longValue).min().orElseThrow();
        // 2 a second: ten messages take at least five one-second windows, so at least 4 s from first to last;
        // had a busy account spilled onto the lower-ranked demo route, all ten would be out within a second
        assertTrue(span >= 3_500, "10 messages at 2/s went out within " + span + " ms");
        assertEquals(10, Simulator.counter("accepted"), "throttling delayed them, never dropped or failed one");
    }

    @Test
    void recipientsOfOneSendGoInOneRequestWhereTheAccountAllows() throws Exception {
        account("it-batching", SIMULATED_SMSPRO, ",\"recipientsPerRequest\":100");
        route("{\"prefix\":\"+46717\",\"account\":\"it-batching\",\"priority\":1}");
        String[] recipients = numbers("+46717", 5);

        List<RecipientResult> results = Gateway.demo().sendSms(Requests.text("To the five of you", recipients)).getResult();
        List<String> providerIds = new ArrayList<>();
        for (RecipientResult result : results) {
            MessageState submitted = Await.until(WAIT, () -> Requests.status(result.getMessageId()),
                    s -> s.getStatus() == MessageStatus.SUBMITTED);
            assertEquals("NO_RECIPIENT_STATUS", submitted.getReasonCode(), "section 6: no status per recipient");
            providerIds.add(submitted.getProviderStatus().getProviderMessageId());
        }
        assertEquals(1, providerIds.stream().distinct().count(), "one mobilectrl_id for all: " + providerIds);
        assertEquals(1, Simulator.counter("accepted"), "one request");
        assertEquals(5, Simulator.counter("recipients"), "five recipients in it");
    }

    @Test
    void scheduledMessageWaitsInTheGatewayWhereTheProviderCannotSchedule() throws Exception {
        // Masiv has no scheduling of its own (and no adapter yet): the gateway holds the message until due,
        // then dispatch skips the account it cannot use and the demo route (SMS Pro) takes it
        account("it-masiv", "MASIV", "http://127.0.0.1:9/masiv", "");
        route("{\"prefix\":\"+46716\",\"account\":\"it-masiv\",\"priority\":1}");
        SendSms request = Requests.text("Later", number("+46716"));
        GregorianCalendar due = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        due.add(Calendar.SECOND, 4);
        request.setScheduledAt(DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(due));
        RecipientResult accepted = Gateway.demo().sendSms(request).getResult().get(0);
        assertEquals(MessageStatus.SCHEDULED, accepted.getStatus());
        assertEquals("MASIV", accepted.getProvider().name(), "routed to the account that cannot schedule");

        Thread.sleep(2000);
        MessageState waiting = Requests.status(accepted.getMessageId());
        assertEquals(MessageStatus.SCHEDULED, waiting.getStatus(), "not dispatched before it is due");

        MessageState delivered = Await.until(WAIT, () -> Requests.status(accepted.getMessageId()),
                s -> s.getStatus() == MessageStatus.DELIVERED);
        StatusEvent submitted = delivered.getEvent().stream().filter(e -> e.getStatus() == MessageStatus.SUBMITTED)
                .findFirst().orElseThrow();
        long early = due.getTimeInMillis() - submitted.getAt().toGregorianCalendar().getTimeInMillis();
        assertTrue(early <= 0, "submitted " + early + " ms before it was due");
    }

    @Test
    void brokenRulesAreRefusedWithTheRule() throws Exception {
        HttpResponse<String> badPrefix = admin("POST", "routes", "{\"prefix\":\"4670\",\"account\":\"smspro-simulator\"}",
                "operator", "operator-password");
        assertEquals(400, badPrefix.statusCode());
        assertTrue(badPrefix.body().contains("prefix"), badPrefix.body());

        HttpResponse<String> badProvider = admin("PUT", "provider-accounts/it-bad", "{\"provider\":\"NOPE\",\"endpointUrl\":"
                + "\"http://localhost\"}", "operator", "operator-password");
        assertEquals(400, badProvider.statusCode());
        assertTrue(badProvider.body().contains("NOPE"), badProvider.body());

        HttpResponse<String> list = admin("GET", "provider-accounts", null, "operator", "operator-password");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("smspro-simulator") && !list.body().contains("xxxxxxxx"), "secrets never leave: " + list.body());

        assertEquals(403, admin("GET", "routes", null, Gateway.DEMO_TENANT, Gateway.DEMO_PASSWORD).statusCode());
    }
}
