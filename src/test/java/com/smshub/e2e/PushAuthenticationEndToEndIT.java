package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.RecipientResult;

/**
 * Every push a provider makes is authenticated to its account (docs/security.md): by the key in the account's
 * push address, by HTTP Basic and by its source address where the operator asks for them. Forged pushes (no key,
 * a wrong one, another account's, a source not allowed, no or wrong credentials) are refused with 401, 403 or 404
 * and change nothing: no opt-out, no automatic answer, no status. What one account's address takes touches only
 * that account's messages, and no number gets more automatic answers an hour than its tenant's cap.
 */
@RunAsClient
class PushAuthenticationEndToEndIT extends SimulatorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CALLBACKS = Gateway.BASE + "/smshub/callbacks/smspro/";
    private static final String DEMO_KEY = "smspro-simulator-demo-push-key";

    private final Operator operator = new Operator();

    @AfterEach
    void cleanUp() throws Exception {
        operator.cleanUp();
    }

    static String mo(String from, String text) {
        return """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <mobilectrl_received_sms>
                  <header>
                    <customer_id>CUSTOMER</customer_id>
                    <mobilectrl_id>57:forged:%s</mobilectrl_id>
                    <datetime>2026-12-03 10:00:00</datetime>
                  </header>
                  <payload>
                    <sms account="71700" premiumrate="0">
                      <message>%s</message>
                      <from_msisdn operator="telenor">%s</from_msisdn>
                    </sms>
                  </payload>
                </mobilectrl_received_sms>""".formatted(UUID.randomUUID().toString().substring(0, 8), text, from);
    }

    static String declined(String mobilectrlId) {
        return """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <content_billing_result>
                  <customer_id>CUSTOMER</customer_id>
                  <mobilectrl_id>%s</mobilectrl_id>
                  <status pending="false">-2</status>
                  <statuscode>103</statuscode>
                  <message operator="telenor">The end-user account balance is low.</message>
                  <datetime>2026-12-03 10:00:00</datetime>
                </content_billing_result>""".formatted(mobilectrlId);
    }

    /** A POST as anyone can make it; headers in pairs. */
    static HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/xml; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void forgedKeywordsAreRefusedAndChangeNothing() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        long cursor = InboundEndToEndIT.end(Gateway.demo());
        long refusedBefore = BillingEndToEndIT.counter("push.refused.smspro.wrong-key");
        for (String keyword : List.of("STOP", "TEST", "INFO")) {
            HttpResponse<String> old = post(CALLBACKS + "mo", mo(subscriber, keyword));
            assertEquals(404, old.statusCode(), "the unauthenticated address of before");
            assertEquals("", old.body(), "refused with no detail");
            assertEquals(404, post(CALLBACKS + "smspro-simulator/" + "x".repeat(43) + "/mo", mo(subscriber, keyword)).statusCode());
            assertEquals(404, post(CALLBACKS + "smspro-simulator/mo", mo(subscriber, keyword)).statusCode());
            assertEquals(404, post(CALLBACKS + "no-such-account/" + DEMO_KEY + "/mo", mo(subscriber, keyword)).statusCode());
        }
        assertTrue(BillingEndToEndIT.counter("push.refused.smspro.wrong-key") >= refusedBefore + 3, "each refusal counted");
        assertTrue(InboundEndToEndIT.from(Gateway.demo(), cursor, subscriber).isEmpty(), "nothing of them was stored");
        RecipientResult sent = Gateway.demo().sendSms(Requests.text("Still yours", subscriber)).getResult().get(0);
        assertTrue(sent.isAccepted(), "a forged STOP opted nobody out: " + sent.getReasonCode());
        Await.until(Duration.ofSeconds(20), () -> Requests.status(sent.getMessageId()).getStatus(), s -> s == MessageStatus.DELIVERED);
        assertEquals(1, Simulator.counter("accepted"), "and a forged TEST or INFO made the gateway send nothing");

        // the account's own address takes the same STOP
        assertEquals(200, post(CALLBACKS + "smspro-simulator/" + DEMO_KEY + "/mo", mo(subscriber, "STOP")).statusCode());
        assertEquals("OPTED_OUT", Gateway.demo().sendSms(Requests.text("Once more", subscriber)).getResult().get(0).getReasonCode());
    }

    @Test
    void aBillingResultTouchesOnlyTheMessagesOfTheAccountItWasPushedTo() throws Exception {
        String id = Gateway.demo().sendSms(Requests.text("Not yours to reject", Requests.uniqueRecipient())).getResult().get(0)
                .getMessageId();
        MessageState delivered = Await.until(Duration.ofSeconds(20), () -> Requests.status(id),
                s -> s.getStatus() == MessageStatus.DELIVERED);
        String mobilectrlId = delivered.getProviderStatus().getProviderMessageId();
        assertTrue(mobilectrlId != null && !mobilectrlId.isEmpty(), "tenants see it: it is no secret");

        assertEquals(404, post(CALLBACKS + "billing", declined(mobilectrlId)).statusCode());
        assertEquals(404, post(CALLBACKS + "smspro-simulator/wrong/billing", declined(mobilectrlId)).statusCode());
        // another SMS Pro account of the gateway, with the same customer id: its own key, its own messages only
        operator.account("smspro-push-other", "SMSPRO", Gateway.SIMULATOR + "/smspro/services/CUSTOMER", "CUSTOMER", "xxxxxxxx", "");
        HttpResponse<String> elsewhere = post(address("smspro-push-other", "/billing"), declined(mobilectrlId));
        assertEquals(503, elsewhere.statusCode(), "no message of that account has this mobilectrl_id");
        MessageState after = Requests.status(id);
        assertEquals(MessageStatus.DELIVERED, after.getStatus());
        assertEquals(delivered.getUpdatedAt(), after.getUpdatedAt(), "nothing recorded against it");
    }

    @Test
    void anAccountCanAskForHttpBasicAndASourceAddressAndTurnItsKey() throws Exception {
        operator.account("smspro-push-it", "SMSPRO", Gateway.SIMULATOR + "/smspro/services/CUSTOMER", "CUSTOMER", "xxxxxxxx",
                ",\"pushUsername\":\"smspro\",\"pushPassword\":\"p@ss word\",\"pushAllowFrom\":[\"203.0.113.0/24\"]");
        String mo = address("smspro-push-it", "/mo");
        assertTrue(mo.startsWith("http://smspro:p%40ss%20word@localhost:8080/smshub/callbacks/smspro/smspro-push-it/"), mo);
        String bare = mo.replace("smspro:p%40ss%20word@", "");
        String right = basic("smspro", "p@ss word");
        String subscriber = Requests.uniqueRecipient();

        // the test server trusts X-Forwarded-For from 127.0.0.1 (smshub.callback.trusted-proxies, arquillian.xml)
        assertEquals(403, post(bare, mo(subscriber, "hi"), "Authorization", right).statusCode(), "127.0.0.1 is not allowed");
        assertEquals(403, post(bare, mo(subscriber, "hi"), "Authorization", right,
                "X-Forwarded-For", "203.0.113.9, 198.51.100.7").statusCode(), "the nearest untrusted hop decides, not the first");
        HttpResponse<String> anonymous = post(bare, mo(subscriber, "hi"), "X-Forwarded-For", "203.0.113.9");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), anonymous.headers().toString());
        assertEquals(401, post(bare, mo(subscriber, "hi"), "X-Forwarded-For", "203.0.113.9",
                "Authorization", basic("smspro", "guess")).statusCode());
        HttpResponse<String> taken = post(bare, mo(subscriber, "hi"), "X-Forwarded-For", "203.0.113.9", "Authorization", right);
        assertEquals(200, taken.statusCode(), taken.body());
        assertTrue(taken.body().contains("<status>0</status>"), taken.body());

        // the provider's side: the simulator posts to the address as given, credentials in it
        operator.account("smspro-push-it", "SMSPRO", Gateway.SIMULATOR + "/smspro/services/CUSTOMER", "CUSTOMER", "xxxxxxxx",
                ",\"pushUsername\":\"smspro\",\"pushAllowFrom\":[\"127.0.0.1/32\"]");
        Map<String, String> pushed = InboundEndToEndIT.mo("from", subscriber, "text", "from SMS Pro", "url", mo);
        assertEquals("200", pushed.get("status1"), "the password was kept when the account was changed without it");

        // a new key: the new addresses work at once, the old ones still for a day
        HttpResponse<String> turned = Operator.call("POST", "provider-accounts/smspro-push-it/push-key", null);
        assertEquals(200, turned.statusCode(), turned.body());
        String newMo = first(turned.body());
        assertNotEquals(mo, newMo);
        assertEquals("200", InboundEndToEndIT.mo("from", subscriber, "text", "new key", "url", newMo).get("status1"));
        assertEquals("200", InboundEndToEndIT.mo("from", subscriber, "text", "old key", "url", mo).get("status1"));
    }

    @Test
    void automaticAnswersToOneNumberAreCappedAnHour() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        long cursor = InboundEndToEndIT.end(Gateway.demo());
        long capped = BillingEndToEndIT.counter("inbound.auto-reply-capped");
        for (int i = 0; i < 7; i++) {
            assertEquals("200", InboundEndToEndIT.mo("from", subscriber, "text", "TEST").get("status1"));
        }
        assertEquals(7, InboundEndToEndIT.from(Gateway.demo(), cursor, subscriber).size(), "each TEST is stored and read");
        String to = "to=" + URLEncoder.encode(subscriber, StandardCharsets.UTF_8);
        Await.until(Duration.ofSeconds(20), () -> Simulator.set(to).get("messagesTo"), n -> n.equals("5"));
        Thread.sleep(2000); // an answer over the cap would be accepted with its TEST and reach SMS Pro within a second
        assertEquals("5", Simulator.set(to).get("messagesTo"), "five answers an hour to one number, the default cap");
        assertEquals(capped + 2, BillingEndToEndIT.counter("inbound.auto-reply-capped"));
    }

    /** The account's push address for a path, as an operator reads it. */
    private static String address(String account, String path) throws Exception {
        HttpResponse<String> addresses = Operator.call("GET", "provider-accounts/" + account + "/push-addresses", null);
        assertEquals(200, addresses.statusCode(), addresses.body());
        Matcher url = Pattern.compile("\"path\":\"" + Pattern.quote(path) + "\",\"url\":\"([^\"]+)\"").matcher(addresses.body());
        assertTrue(url.find(), addresses.body());
        return url.group(1);
    }

    private static String first(String addresses) {
        Matcher url = Pattern.compile("\"path\":\"/mo\",\"url\":\"([^\"]+)\"").matcher(addresses);
        assertTrue(url.find(), addresses);
        return url.group(1);
    }
}
