package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.GetInboundMessages;
import com.smshub.gateway.v1.GetInboundMessagesResponse;
import com.smshub.gateway.v1.InboundMessage;
import com.smshub.gateway.v1.Originator;
import com.smshub.gateway.v1.OriginatorType;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.gateway.v1.SendSms;
import com.smshub.gateway.v1.SmsGateway;

/**
 * Messages from subscribers, end to end: the SMS Pro simulator pushes {@code mobilectrl_received_sms} (section 8)
 * to the gateway's callback, the gateway stores it once, routes it by the demo's inbound rules and acts on STOP,
 * TEST and INFO (section 12); tenants read it with GetInboundMessages.
 */
@RunAsClient
class InboundEndToEndIT extends SimulatorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Pushes a subscriber's message through the SMS Pro simulator; answers its name=value lines. */
    static Map<String, String> mo(String... parameters) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < parameters.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Gateway.SIMULATOR + "/smspro/mo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> values = new HashMap<>();
        for (String line : response.body().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    /** The tenant's feed position now: everything before it was there before the test. */
    static long end(SmsGateway tenant) throws GatewayFault {
        long last = 0;
        GetInboundMessagesResponse page;
        do {
            page = read(tenant, last, 1000);
            last = page.getLastInboundId();
        } while (page.isMore());
        return last;
    }

    static GetInboundMessagesResponse read(SmsGateway tenant, long after, int max) throws GatewayFault {
        GetInboundMessages request = new GetInboundMessages();
        request.setAfterInboundId(after);
        request.setMaxResults(max);
        return tenant.getInboundMessages(request);
    }

    /** The messages after the cursor from one subscriber. */
    static List<InboundMessage> from(SmsGateway tenant, long after, String subscriber) throws GatewayFault {
        return read(tenant, after, 1000).getMessage().stream().filter(m -> subscriber.equals(m.getFrom())).toList();
    }

    static String octetsTo(String recipient) {
        return Simulator.set("to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8)).get("messageOctets");
    }

    @Test
    void messagePushedTwiceIsStoredOnceAndReadFromTheCursor() throws Exception {
        long cursor = end(Gateway.demo());
        String subscriber = Requests.uniqueRecipient();
        Map<String, String> pushed = mo("from", subscriber, "text", "Hej, när kommer paketet?", "times", "2",
                "firstname", "Anna", "lastname", "Svensson", "city", "Lund", "personinfostatus", "0");
        for (int i = 1; i <= 2; i++) {
            assertEquals("200", pushed.get("status" + i));
            String answer = pushed.get("answer" + i);
            assertTrue(answer.contains("<mobilectrl_received_sms_response>"), answer);
            assertTrue(answer.contains("<mobilectrl_id>" + pushed.get("mobilectrlId") + "</mobilectrl_id>"), answer);
            assertTrue(answer.contains("<status>0</status>"), answer);
        }
        List<InboundMessage> read = from(Gateway.demo(), cursor, subscriber);
        assertEquals(1, read.size(), "a repeated push is one message");
        InboundMessage message = read.get(0);
        assertEquals("Hej, när kommer paketet?", message.getText());
        assertEquals("71700", message.getTo());
        assertEquals("SMSPRO", message.getProvider());
        assertFalse(message.isOptOut());
        assertTrue(message.getInboundId() > cursor);
        assertEquals("Anna", message.getSender().getFirstName(), "table 8's person fields, in the contract");
        assertEquals("Svensson", message.getSender().getLastName());
        assertEquals("Lund", message.getSender().getCity());
        assertEquals(0, message.getSender().getLookupStatus());
        assertNull(message.getSender().getAddress(), "what SMS Pro did not tell stays absent");
        assertTrue(from(Gateway.as("acme", "acme-password"), 0, subscriber).isEmpty(), "demo's messages are demo's alone");

        GetInboundMessagesResponse after = read(Gateway.demo(), message.getInboundId(), 10);
        assertTrue(after.getMessage().stream().noneMatch(m -> subscriber.equals(m.getFrom())), "the cursor moves past it");
    }

    @Test
    void emojiOptionsAreDecoded() throws Exception {
        long cursor = end(Gateway.demo());
        String subscriber = Requests.uniqueRecipient();
        mo("from", subscriber, "hex", "48656C6C6F20D83DDC4D");
        mo("from", subscriber, "text", "Hello \uD83D\uDC4D");
        mo("from", subscriber, "text", "[MESSAGE WITH NO READABLE CHARACTERS]");
        List<String> texts = from(Gateway.demo(), cursor, subscriber).stream().map(InboundMessage::getText).toList();
        assertEquals(List.of("Hello \uD83D\uDC4D", "Hello \uD83D\uDC4D", "[MESSAGE WITH NO READABLE CHARACTERS]"), texts);
    }

    @Test
    void routedByKeywordAndByDestinationSuffix() throws Exception {
        SmsGateway acme = Gateway.as("acme", "acme-password");
        long acmeCursor = end(acme);
        long demoCursor = end(Gateway.demo());
        String subscriber = Requests.uniqueRecipient();
        mo("from", subscriber, "text", "acme order 42");
        mo("from", subscriber, "text", "Where is it?", "destination", "467090325991234");
        List<InboundMessage> toAcme = from(acme, acmeCursor, subscriber);
        assertEquals(2, toAcme.size());
        assertEquals("ACME", toAcme.get(0).getKeyword());
        assertEquals("467090325991234", toAcme.get(1).getTo());
        assertTrue(from(Gateway.demo(), demoCursor, subscriber).isEmpty());
    }

    /** A text sent from the SMS Pro account's short code, 71700, the number subscribers answer to. */
    private static SendSms fromShortCode(String text, String subscriber) {
        SendSms question = Requests.text(text, subscriber);
        Originator shortCode = new Originator();
        shortCode.setType(OriginatorType.SHORT_CODE);
        shortCode.setValue("71700");
        question.setOriginator(shortCode);
        return question;
    }

    @Test
    void answerLinksToTheLatestMessageSentToThatNumber() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        String asked = Gateway.demo().sendSms(fromShortCode("Do you want the offer? Answer YES", subscriber)).getResult().get(0)
                .getMessageId();
        long cursor = end(Gateway.demo());
        Thread.sleep(20);
        mo("from", subscriber, "text", "YES");
        InboundMessage answer = from(Gateway.demo(), cursor, subscriber).get(0);
        assertEquals(asked, answer.getInReplyTo());

        String stranger = Requests.uniqueRecipient();
        mo("from", stranger, "text", "YES");
        assertNull(from(Gateway.demo(), cursor, stranger).get(0).getInReplyTo(), "nothing was sent to this number");
    }

    @Test
    void anAnswerGoesToTheTenantWhoseMessageItAnswersBeforeAnyRule() throws Exception {
        SmsGateway acme = Gateway.as("acme", "acme-password");
        String subscriber = Requests.uniqueRecipient();
        String asked = acme.sendSms(fromShortCode("Your parcel is here. Answer YES to have it delivered", subscriber))
                .getResult().get(0).getMessageId();
        long acmeCursor = end(acme);
        long demoCursor = end(Gateway.demo());
        Thread.sleep(20);
        mo("from", subscriber, "text", "YES");
        List<InboundMessage> toAcme = from(acme, acmeCursor, subscriber);
        assertEquals(1, toAcme.size(), "demo's catch-all rule on the account does not take an answer to acme");
        assertEquals(asked, toAcme.get(0).getInReplyTo());
        assertTrue(from(Gateway.demo(), demoCursor, subscriber).isEmpty(), "and demo never sees acme's message id");
    }

    @Test
    void stopFromASubscriberConfirmsAndRefusesTheNextSend() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        assertEquals(204, Operator.call("PUT", "tenants/demo/subscriptions/" + subscriber, "Weekly offers").statusCode());
        long cursor = end(Gateway.demo());
        mo("from", subscriber, "text", "STOP");
        InboundMessage stop = from(Gateway.demo(), cursor, subscriber).get(0);
        assertTrue(stop.isOptOut());
        assertEquals("STOP", stop.getKeyword());
        String confirmation = Await.until(Duration.ofSeconds(20), () -> octetsTo(subscriber), hex -> !hex.isEmpty());
        assertTrue(new String(HexFormat.of().parseHex(confirmation), StandardCharsets.ISO_8859_1).contains("unsubscribed"));
        assertEquals(404, Operator.call("GET", "tenants/demo/subscriptions/" + subscriber, null).statusCode());

        RecipientResult refused = Gateway.demo().sendSms(Requests.text("One more offer", subscriber)).getResult().get(0);
        assertFalse(refused.isAccepted());
        assertEquals("OPTED_OUT", refused.getReasonCode());
    }

    @Test
    void stopWithoutASubscriptionSendsNothing() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        mo("from", subscriber, "text", "Stopp!");
        RecipientResult refused = Gateway.demo().sendSms(Requests.text("Offer", subscriber)).getResult().get(0);
        assertEquals("OPTED_OUT", refused.getReasonCode());
        // an answer would be accepted with the STOP and reach the simulator within a second
        Thread.sleep(3000);
        assertEquals("", octetsTo(subscriber), "a subscriber without a subscription is never sent anything (12.1)");
    }

    @Test
    void testIsAnsweredWithRaksmorgasIntactOnTheWire() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        mo("from", subscriber, "text", "TEST");
        String octets = Await.until(Duration.ofSeconds(20), () -> octetsTo(subscriber), hex -> !hex.isEmpty());
        // R ä k s m ö r g å s in ISO-8859-1, the character set of SMS Pro's XML (section 3), byte for byte
        assertTrue(octets.contains("52e46b736df67267e573"), octets);
    }

    @Test
    void infoIsAnsweredWithTheOwnersDetails() throws Exception {
        String subscriber = Requests.uniqueRecipient();
        mo("from", subscriber, "text", "info");
        String octets = Await.until(Duration.ofSeconds(20), () -> octetsTo(subscriber), hex -> !hex.isEmpty());
        String text = new String(HexFormat.of().parseHex(octets), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("SMS Hub demo") && text.contains("+46 8 555 000 00") && text.contains("support@smshub.example"),
                text);
    }

    /** A subscriber's message to the MyMobileAPI simulator, read by the gateway from its Reply or ShortCode feed. */
    static String myMobileApiMo(String form) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Gateway.SIMULATOR + "/mymobileapi/mo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    static String southAfrican() {
        return "+2782" + String.format("%07d", (int) (Math.random() * 10_000_000));
    }

    private static List<InboundMessage> awaitFrom(SmsGateway tenant, long cursor, String subscriber, int count) {
        return Await.until(Duration.ofSeconds(30), () -> {
            try {
                return from(tenant, cursor, subscriber);
            } catch (GatewayFault e) {
                throw new AssertionError(e);
            }
        }, list -> list.size() >= count);
    }

    @Test
    void myMobileApiReplyNamesTheMessageItAnswers() throws Exception {
        String subscriber = southAfrican();
        String asked = Gateway.demo().sendSms(Requests.text("Shall we deliver tomorrow?", subscriber)).getResult().get(0).getMessageId();
        Await.until(Duration.ofSeconds(20), () -> Requests.status(asked).getStatus().name(), s -> !s.equals("QUEUED"));
        long cursor = end(Gateway.demo());
        myMobileApiMo("from=" + subscriber.substring(1) + "&text=" + URLEncoder.encode("Yes, after 10", StandardCharsets.UTF_8)
                + "&inReplyTo=" + asked);
        InboundMessage reply = awaitFrom(Gateway.demo(), cursor, subscriber, 1).get(0);
        assertEquals("Yes, after 10", reply.getText());
        assertEquals("MYMOBILEAPI", reply.getProvider());
        assertEquals(asked, reply.getInReplyTo(), "MyMobileAPI's sentcustomerid is our message id");
        assertFalse(reply.isOptOut());
    }

    @Test
    void myMobileApiOptOutFlagOptsOutAndShortCodeEntriesAreRead() throws Exception {
        String subscriber = southAfrican();
        long cursor = end(Gateway.demo());
        myMobileApiMo("from=" + subscriber.substring(1) + "&text=UNSUBSCRIBE");
        myMobileApiMo("from=" + subscriber.substring(1) + "&text=WIN+5&shortcode=31234&keyword=WIN");
        List<InboundMessage> read = awaitFrom(Gateway.demo(), cursor, subscriber, 2);
        InboundMessage optOut = read.stream().filter(m -> m.getText().equals("UNSUBSCRIBE")).findFirst().orElseThrow();
        assertTrue(optOut.isOptOut(), "MyMobileAPI's optout flag");
        InboundMessage entry = read.stream().filter(m -> m.getText().equals("WIN 5")).findFirst().orElseThrow();
        assertEquals("31234", entry.getTo());
        RecipientResult refused = Gateway.demo().sendSms(Requests.text("Offer", subscriber)).getResult().get(0);
        assertEquals("OPTED_OUT", refused.getReasonCode());
    }

    @Test
    void badPushesAreRefusedWithAReason() throws Exception {
        String moAddress = Simulator.state().get("moUrl");
        HttpResponse<String> notXml = HTTP.send(HttpRequest.newBuilder(URI.create(moAddress))
                .POST(HttpRequest.BodyPublishers.ofString("<mobilectrl_received_sms>")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, notXml.statusCode());
        assertTrue(notXml.body().contains("Not a mobilectrl_received_sms"), notXml.body());
        Map<String, String> stranger = mo("from", Requests.uniqueRecipient(), "text", "hi", "customer", "SOMEONE");
        assertEquals("403", stranger.get("status1"), "a document of another customer than the account's");
    }
}
