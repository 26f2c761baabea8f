package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * Every admin write leaves exactly one audit row, naming who made it, what it did and to what, with the state
 * before and after as the feature sees it, and never a secret: provider accounts (created, changed, a new push
 * key), routes, inbound rules, opt-outs, subscriptions, a tenant's INFO, a purge. (Tenants and operators:
 * TenantAdministrationEndToEndIT; a message sent again: RequeueEndToEndIT; a charge reconciled and a dead letter
 * replayed or discarded: OperatorConsoleEndToEndIT.)
 */
class AuditEndToEndIT extends DeployedGateway {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    /** One entry of the trail as the API answers it, its states as the JSON text they are stored as. */
    private record Entry(long id, String operator, String action, String subject, String before, String after) {
    }

    @Test
    void eachWriteLeavesOneRowWithTheStateBeforeAndAfter() throws Exception {
        long from = newest();
        int writes = 0;
        String account = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "s3cret-" + UUID.randomUUID();

        assertEquals(201, put("provider-accounts/" + account, "{\"provider\":\"MASIV\",\"endpointUrl\":\"http://127.0.0.1:9/\","
                + "\"username\":\"u\",\"secret\":\"" + secret + "\",\"maxPerSecond\":5}"));
        writes++;
        assertEquals(200, put("provider-accounts/" + account, "{\"provider\":\"MASIV\",\"endpointUrl\":\"http://127.0.0.1:9/\","
                + "\"maxPerSecond\":7,\"enabled\":false}"));
        writes++;
        assertEquals(200, Operator.call("POST", "provider-accounts/" + account + "/push-key", null).statusCode());
        writes++;

        HttpResponse<String> route = Operator.call("POST", "routes", "{\"prefix\":\"+999\",\"account\":\"masiv-simulator\",\"priority\":3}");
        assertEquals(201, route.statusCode(), route.body());
        writes++;
        String routeId = id(route.body());
        assertEquals(204, Operator.call("DELETE", "routes/" + routeId, null).statusCode());
        writes++;

        HttpResponse<String> rule = Operator.call("POST", "inbound-rules", "{\"tenant\":\"demo\",\"keyword\":\"AUDIT\",\"priority\":1}");
        assertEquals(201, rule.statusCode(), rule.body());
        writes++;
        String ruleId = id(rule.body());
        assertEquals(204, Operator.call("DELETE", "inbound-rules/" + ruleId, null).statusCode());
        writes++;

        String number = Requests.uniqueRecipient();
        assertEquals(2, put("tenants/demo/opt-outs/" + number, "asked by letter") / 100);
        writes++;
        assertEquals(2, Operator.call("DELETE", "tenants/demo/opt-outs/" + number, null).statusCode() / 100);
        writes++;
        assertEquals(2, put("tenants/demo/subscriptions/" + number, "PARKING") / 100);
        writes++;
        assertEquals(2, Operator.call("DELETE", "tenants/demo/subscriptions/" + number, null).statusCode() / 100);
        writes++;
        assertEquals(2, put("tenants/demo/info", "{\"name\":\"Demo AB\",\"phone\":\"+46701234567\"}") / 100);
        writes++;
        assertEquals(200, Operator.call("POST", "retention/purge?olderThanDays=36500", null).statusCode());
        writes++;
        assertEquals(404, Operator.call("DELETE", "routes/" + routeId, null).statusCode(), "nothing done, nothing recorded");

        List<Entry> entries = since(from);
        assertEquals(writes, entries.size(), "one row a write: " + entries);
        for (Entry e : entries) {
            assertEquals("operator", e.operator(), e.toString());
        }
        Entry created = only(entries, "provider-account.create", "provider-account/" + account);
        assertEquals(null, created.before());
        assertTrue(created.after().contains("\"maxPerSecond\":5") && created.after().contains("\"secretSet\":true"), created.after());
        Entry changed = only(entries, "provider-account.change", "provider-account/" + account);
        assertTrue(changed.before().contains("\"maxPerSecond\":5") && changed.before().contains("\"enabled\":true"), changed.before());
        assertTrue(changed.after().contains("\"maxPerSecond\":7") && changed.after().contains("\"enabled\":false"), changed.after());
        only(entries, "provider-account.push-key", "provider-account/" + account);

        Entry added = only(entries, "route.add", "route/" + routeId);
        assertTrue(added.before() == null && added.after().contains("\"prefix\":\"+999\""), added.toString());
        Entry removed = only(entries, "route.remove", "route/" + routeId);
        assertTrue(removed.before().contains("\"prefix\":\"+999\"") && removed.after() == null, removed.toString());
        assertTrue(only(entries, "inbound-rule.add", "inbound-rule/" + ruleId).after().contains("\"keyword\":\"AUDIT\""));
        assertTrue(only(entries, "inbound-rule.remove", "inbound-rule/" + ruleId).before().contains("\"keyword\":\"AUDIT\""));

        Entry optOut = only(entries, "opt-out.add", "tenant/demo/opt-out/" + number);
        assertTrue(optOut.before().contains("\"optedOut\":false") && optOut.after().contains("\"optedOut\":true")
                && optOut.after().contains("asked by letter"), optOut.toString());
        assertTrue(only(entries, "opt-out.remove", "tenant/demo/opt-out/" + number).after().contains("\"optedOut\":false"));
        assertTrue(only(entries, "subscription.start", "tenant/demo/subscription/" + number).after().contains("PARKING"));
        only(entries, "subscription.end", "tenant/demo/subscription/" + number);
        assertTrue(only(entries, "tenant.info", "tenant/demo/info").after().contains("\"name\":\"Demo AB\""));
        assertTrue(only(entries, "retention.purge", "retention").after().contains("\"messages\""));

        String trail = Operator.call("GET", "audit?limit=1000", null).body();
        assertFalse(trail.contains(secret), "no secret in the trail");
    }

    private static int put(String path, String body) throws Exception {
        HttpResponse<String> answer = Operator.call("PUT", path, body);
        assertTrue(answer.statusCode() < 300, answer.statusCode() + " " + answer.body());
        return answer.statusCode();
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private static Entry only(List<Entry> entries, String action, String subject) {
        List<Entry> found = entries.stream().filter(e -> e.action().equals(action) && e.subject().equals(subject)).toList();
        assertEquals(1, found.size(), action + " " + subject + " in " + entries);
        return found.get(0);
    }

    private static long newest() throws Exception {
        List<Entry> entries = entries(Operator.call("GET", "audit?limit=1", null).body());
        return entries.isEmpty() ? 0 : entries.get(0).id();
    }

    private static List<Entry> since(long id) throws Exception {
        return entries(Operator.call("GET", "audit?limit=1000", null).body()).stream().filter(e -> e.id() > id).toList();
    }

    /** The entries of an answer. */
    private static List<Entry> entries(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            List<Entry> entries = new ArrayList<>();
            for (JsonValue v : reader.readArray()) {
                JsonObject o = v.asJsonObject();
                entries.add(new Entry(o.getJsonNumber("id").longValue(), o.getString("operator"), o.getString("action"),
                        o.getString("subject"), text(o, "before"), text(o, "after")));
            }
            return entries;
        }
    }

    private static String text(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name) ? null : o.getString(name);
    }
}
