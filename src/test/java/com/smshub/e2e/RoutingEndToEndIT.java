package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.gateway.v1.SendSms;
import com.smshub.gateway.v1.StatusEvent;

/**
 * Routes and provider accounts configured by an operator at /smshub/admin, then used: failover to the next
 * route when an account cannot be reached, an account's configured rate holding under a burst, and the
 * recipients of one send going in one request where the account allows it. Prefixes +46716 to +46719 are this test's own (other
 * tests send to +4670...).
 */
@RunAsClient
class RoutingEndToEndIT extends SimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SIMULATED_SMSPRO = Gateway.SIMULATOR + "/smspro/services/CUSTOMER";

    private final Operator operator = new Operator();

    /** Leaves the gateway as the other tests expect it: the demo routes only, every enabled account reachable. */
    @AfterEach
    void removeRoutesAndDisableAccounts() throws Exception {
        operator.cleanUp();
    }

    private void account(String name, String endpoint, String limits) throws Exception {
        operator.account(name, "SMSPRO", endpoint, "CUSTOMER", "xxxxxxxx", limits);
    }

    private void route(String json) throws Exception {
        operator.route(json);
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

    /**
     * SMS Pro Appendix 1: HTTP Basic carries additional credentials, a user of their own, not the customer id and
     * password the documents carry. An account that sends those instead is refused (401) before its request is read,
     * and the message goes on by the next route; the account's Basic password is shown to operators only as set.
     */
    @Test
    void smsProTakesItsAdditionalCredentialsOnlyAsTheAgreementGaveThem() throws Exception {
        long unauthorised = Simulator.counter("unauthorised");
        long accepted = Simulator.counter("accepted");
        account("it-customer-as-basic", SIMULATED_SMSPRO, ",\"settings\":{\"basicUsername\":\"CUSTOMER\",\"basicPassword\":\"xxxxxxxx\"}");
        route("{\"prefix\":\"+46714\",\"account\":\"it-customer-as-basic\",\"priority\":1,\"price\":0.98,\"currency\":\"SEK\"}");

        RecipientResult sent = Gateway.demo().sendSms(Requests.text("Appendix 1", number("+46714"))).getResult().get(0);
        assertEquals(0, new BigDecimal("0.98").compareTo(sent.getPrice().getAmount()), "routed first to that account");
        Await.until(WAIT, () -> Requests.status(sent.getMessageId()), s -> s.getStatus() == MessageStatus.DELIVERED);
        assertEquals(unauthorised + 1, Simulator.counter("unauthorised"), "refused once, with 401");
        assertEquals(accepted + 1, Simulator.counter("accepted"), "and taken once, by the demo account's credentials");

        HttpResponse<String> list = Operator.call("GET", "provider-accounts", null);
        Matcher listed = Pattern.compile("\"name\":\"it-customer-as-basic\".*?\"settings\":\\{([^}]*)\\}").matcher(list.body());
        assertTrue(listed.find(), list.body());
        assertTrue(listed.group(1).contains("\"basicUsername\":\"CUSTOMER\"") && listed.group(1).contains("\"basicPassword\":\"(set)\""),
                "the password only as set: " + listed.group(1));

        // changed without the password: the stored one is kept (as an account's own secret is)
        operator.account("it-customer-as-basic", "SMSPRO", SIMULATED_SMSPRO, "CUSTOMER", "xxxxxxxx",
                ",\"settings\":{\"basicUsername\":\"CUSTOMER\"}");
        Matcher kept = Pattern.compile("\"name\":\"it-customer-as-basic\".*?\"settings\":\\{([^}]*)\\}")
                .matcher(Operator.call("GET", "provider-accounts", null).body());
        assertTrue(kept.find() && kept.group(1).contains("\"basicPassword\":\"(set)\""), "kept: " + kept.group(1));
        HttpResponse<String> onlyUser = Operator.call("PUT", "provider-accounts/it-no-password", "{\"provider\":\"SMSPRO\","
                + "\"endpointUrl\":\"" + SIMULATED_SMSPRO + "\",\"settings\":{\"basicUsername\":\"someone\"}}");
        assertEquals(400, onlyUser.statusCode(), "a new account's Basic user needs its password: " + onlyUser.body());
        assertTrue(onlyUser.body().contains("basicPassword"), onlyUser.body());
    }

    @Test
    void anSmsProAccountTheAgreementGaveNoAdditionalCredentialsSendsNoAuthorizationHeader() throws Exception {
        long without = Simulator.counter("withoutAuthorization");
        long accepted = Simulator.counter("accepted");
        operator.accountAsGiven("it-no-basic", "SMSPRO", SIMULATED_SMSPRO, "CUSTOMER", "xxxxxxxx", "");
        route("{\"prefix\":\"+46716\",\"account\":\"it-no-basic\",\"priority\":1,\"price\":0.97,\"currency\":\"SEK\"}");

        RecipientResult sent = Gateway.demo().sendSms(Requests.text("No Basic", number("+46716"))).getResult().get(0);
        assertEquals(0, new BigDecimal("0.97").compareTo(sent.getPrice().getAmount()), "routed first to that account");
        Await.until(WAIT, () -> Requests.status(sent.getMessageId()), s -> s.getStatus() == MessageStatus.DELIVERED);
        assertEquals(without + 1, Simulator.counter("withoutAuthorization"),
                "no Authorization header at all (the simulator, set up with additional credentials, refuses it with 401)");
        assertEquals(accepted + 1, Simulator.counter("accepted"), "taken once, by the demo account, which has them");
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
        // 2 a second with a bucket of one: the ten go out half a second apart, 4.5 s from first to last; had a
        // busy account spilled onto the lower-ranked demo route, all ten would be out within a second, and
        // had the throttle let twice the rate through across a second's boundary, within about 2.5 s
        assertTrue(span >= 4_000, "10 messages at 2/s went out within " + span + " ms");
        // nor does it hold them back much longer than the rate asks (the outbox adds half a second a wait)
        assertTrue(span <= 9_000, "10 messages at 2/s took " + span + " ms");
        assertEquals(10, Simulator.counter("accepted"), "throttling delayed them, never dropped or failed one");
    }

    @Test
    void recipientsOfOneSendGoInOneRequestWhereTheAccountAllows() throws Exception {
        account("it-batching", SIMULATED_SMSPRO, ",\"settings\":{\"recipientsPerRequest\":100}");
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
    void anAmbiguousOutcomeNeverFailsOverEvenWithASecondRouteReady() throws Exception {
        account("it-slow-first", SIMULATED_SMSPRO, "");
        account("it-ready-second", SIMULATED_SMSPRO, "");
        route("{\"prefix\":\"+46715\",\"account\":\"it-slow-first\",\"priority\":1,\"price\":0.11,\"currency\":\"SEK\"}");
        route("{\"prefix\":\"+46715\",\"account\":\"it-ready-second\",\"priority\":2,\"price\":0.22,\"currency\":\"SEK\"}");
        Simulator.set("sendFailure=SLOW&slowMillis=5000&failures=1&deliveryDelayMillis=4000");

        RecipientResult accepted = Gateway.demo().sendSms(Requests.text("Once only", number("+46715"))).getResult().get(0);
        MessageState delivered = Await.until(WAIT, () -> Requests.status(accepted.getMessageId()),
                s -> s.getStatus() == MessageStatus.DELIVERED);
        assertEquals(List.of(MessageStatus.QUEUED, MessageStatus.UNKNOWN, MessageStatus.DELIVERED),
                delivered.getEvent().stream().map(StatusEvent::getStatus).toList(), "the timeout left it UNKNOWN until reported");
        assertEquals(1, Simulator.counter("requests"), "the second route, ready as it was, was never asked");
        assertEquals(0, Simulator.counter("duplicates"));
    }

    @Test
    void aGroupTheProviderRefusesAsIncorrectIsRejectedWhole() throws Exception {
        List<RecipientResult> results = groupOf(4, "sendFailure=STATUS_MINUS_2");
        for (RecipientResult result : results) {
            MessageState rejected = Await.until(WAIT, () -> Requests.status(result.getMessageId()),
                    s -> s.getStatus() == MessageStatus.REJECTED);
            assertEquals("-2", rejected.getProviderStatus().getRawStatus(), "table 12: -2, no SMS will be sent");
        }
        assertEquals(1, Simulator.counter("requests"), "one request for the four, not tried again");
    }

    @Test
    void aGroupNothingOfWhichWentOutIsRetriedAsOneRequest() throws Exception {
        List<RecipientResult> results = groupOf(4, "sendFailure=HTTP_503&failures=1");
        for (RecipientResult result : results) {
            MessageState submitted = Await.until(WAIT, () -> Requests.status(result.getMessageId()),
                    s -> s.getStatus() == MessageStatus.SUBMITTED);
            assertEquals("NO_RECIPIENT_STATUS", submitted.getReasonCode());
        }
        assertEquals(2, Simulator.counter("requests"), "refused once, then taken");
        assertEquals(1, Simulator.counter("accepted"));
        assertEquals(4, Simulator.counter("recipients"));
    }

    @Test
    void aGroupWhoseOutcomeIsUnknownIsNeverSentAgainAndEndsUnresolved() throws Exception {
        List<RecipientResult> results = groupOf(3, "sendFailure=RESET&failures=1");
        for (RecipientResult result : results) {
            MessageState unknown = Await.until(WAIT, () -> Requests.status(result.getMessageId()),
                    s -> s.getStatus() == MessageStatus.UNKNOWN);
            assertEquals("OUTCOME_UNKNOWN", unknown.getReasonCode());
        }
        for (RecipientResult result : results) {
            // no id came back to ask with and SMS Pro reports on no member of such a request: the deadline ends it
            MessageState unresolved = Await.until(Duration.ofSeconds(90), () -> Requests.status(result.getMessageId()),
                    s -> "UNRESOLVED".equals(s.getReasonCode()));
            assertEquals(MessageStatus.UNKNOWN, unresolved.getStatus());
        }
        assertEquals(1, Simulator.counter("requests"), "never sent again");
        assertEquals(0, Simulator.counter("duplicates"));
    }

    @Test
    void aGroupTheAccountRefusesGoesMessageByMessageAndEachThenReportsOnItsOwn() throws Exception {
        List<RecipientResult> results = groupOf(3, "sendFailure=HTTP_401&failures=1");
        for (RecipientResult result : results) {
            MessageState delivered = Await.until(WAIT, () -> Requests.status(result.getMessageId()),
                    s -> s.getStatus() == MessageStatus.DELIVERED);
            assertEquals(null, delivered.getReasonCode(), "sent alone, with a status of its own");
        }
        assertEquals(4, Simulator.counter("requests"), "the refused group, then each alone");
        assertEquals(3, Simulator.counter("accepted"));
    }

    /** A send to {@code count} recipients that the batching account takes in one request, the simulator told how to answer. */
    private List<RecipientResult> groupOf(int count, String simulator) throws Exception {
        account("it-batching", SIMULATED_SMSPRO, ",\"settings\":{\"recipientsPerRequest\":100}");
        route("{\"prefix\":\"+46717\",\"account\":\"it-batching\",\"priority\":1}");
        Simulator.set(simulator);
        return Gateway.demo().sendSms(Requests.text("To all of you", numbers("+46717", count))).getResult();
    }

    @Test
    void brokenRulesAreRefusedWithTheRule() throws Exception {
        HttpResponse<String> badPrefix = Operator.call("POST", "routes", "{\"prefix\":\"4670\",\"account\":\"smspro-simulator\"}",
                "operator", "operator-password");
        assertEquals(400, badPrefix.statusCode());
        assertTrue(badPrefix.body().contains("prefix"), badPrefix.body());

        HttpResponse<String> badProvider = Operator.call("PUT", "provider-accounts/it-bad", "{\"provider\":\"NOPE\",\"endpointUrl\":"
                + "\"http://localhost\"}", "operator", "operator-password");
        assertEquals(400, badProvider.statusCode());
        assertTrue(badProvider.body().contains("NOPE"), badProvider.body());

        HttpResponse<String> badSetting = Operator.call("PUT", "provider-accounts/it-bad", "{\"provider\":\"SMSPRO\",\"endpointUrl\":"
                + "\"http://localhost\",\"settings\":{\"recipientsPerRequest\":101}}", "operator", "operator-password");
        assertEquals(400, badSetting.statusCode());
        assertTrue(badSetting.body().contains("recipientsPerRequest is 1 to 100"), badSetting.body());

        HttpResponse<String> unknownSetting = Operator.call("PUT", "provider-accounts/it-bad", "{\"provider\":\"SMSPRO\",\"endpointUrl\":"
                + "\"http://localhost\",\"settings\":{\"windowSize\":10}}", "operator", "operator-password");
        assertEquals(400, unknownSetting.statusCode());
        assertTrue(unknownSetting.body().contains("no setting 'windowSize'"), unknownSetting.body());

        HttpResponse<String> list = Operator.call("GET", "provider-accounts", null, "operator", "operator-password");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("smspro-simulator") && !list.body().contains("xxxxxxxx"), "secrets never leave: " + list.body());

        assertEquals(403, Operator.call("GET", "routes", null, Gateway.DEMO_TENANT, Gateway.DEMO_PASSWORD).statusCode());
    }
}
