package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;

/**
 * The one callback entry point, as a provider (or someone pretending to be one) reaches it: a report is taken
 * only at its message's own address, under its account's key, with its token, and only as a delivery status;
 * anything else is refused with a status (and, once authenticated, a reason), and changes nothing. Reports
 * pushed at once are committed together, and each is answered only once its own is committed.
 */
@RunAsClient
class CallbackEndToEndIT extends SimulatorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DELIVERED = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <mobilectrl_delivery_status>
              <mobilectrl_id>57:12f95de:11817630961:77ec</mobilectrl_id>
              <status>0</status>
              <delivery_status since="20210217144142">0</delivery_status>
              <message>SMS SENT</message>
            </mobilectrl_delivery_status>""";

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/xml; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReportIsTakenOnlyAtItsMessagesAddressWithItsTokenAndAsADeliveryStatus() throws Exception {
        Simulator.set("outcome=NONE"); // SMS Pro takes it and reports nothing: the reports here are the test's
        String id = Gateway.demo().sendSms(Requests.text("Report me", Requests.uniqueRecipient())).getResult().get(0).getMessageId();
        Await.until(Duration.ofSeconds(30), () -> Requests.status(id), s -> s.getStatus() == MessageStatus.SUBMITTED);
        String address = Simulator.state().get("lastDeliveryUrl");
        assertTrue(address.contains("/callbacks/smspro/smspro-simulator/smspro-simulator-demo-push-key/status/" + id
                + "?token="), address);
        String wrongToken = address.substring(0, address.indexOf("token=") + 6) + "0".repeat(32);

        HttpResponse<String> forged = post(wrongToken, DELIVERED);
        assertEquals(403, forged.statusCode());
        assertEquals("", forged.body(), "no reason for whoever forged it");
        assertEquals(404, post(address.replace("smspro-simulator-demo-push-key", "guessed-key"), DELIVERED).statusCode());
        assertEquals(404, post(Gateway.BASE + "/smshub/callbacks/smspro/" + id + address.substring(address.indexOf('?')),
                DELIVERED).statusCode(), "the address before push keys: no longer ours");

        HttpResponse<String> garbled = post(address, "<mobilectrl_delivery_status><status>zero</status>");
        assertEquals(400, garbled.statusCode());
        assertTrue(garbled.body().contains("Not a mobilectrl_delivery_status"), garbled.body());

        HttpResponse<String> entity = post(address, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><mobilectrl_delivery_status><mobilectrl_id>&e;</mobilectrl_id><status>0</status>"
                + "<message>x</message></mobilectrl_delivery_status>");
        assertEquals(400, entity.statusCode(), "nothing external is ever loaded");

        assertEquals(MessageStatus.SUBMITTED, Requests.status(id).getStatus(), "none of them changed anything");

        assertEquals(200, post(address, DELIVERED).statusCode());
        MessageState delivered = Requests.status(id);
        assertEquals(MessageStatus.DELIVERED, delivered.getStatus());
        assertEquals("SMSPRO_PUSH", delivered.getEvent().get(delivered.getEvent().size() - 1).getSource());
        assertEquals(200, post(address, DELIVERED).statusCode(), "a repeat is acknowledged, so the provider stops");
        assertEquals(delivered.getUpdatedAt(), Requests.status(id).getUpdatedAt(), "and changes nothing");
    }

    /**
     * Pushes that come together are committed together (ReportGroups), and still each is answered only once its
     * own report is: a status read the moment a 200 arrives already says DELIVERED, for every one of sixteen
     * reports pushed at once, each twice, as a provider that repeats itself over two connections would.
     */
    @Test
    void reportsPushedAtOnceAreEachCommittedBeforeTheirAnswer() throws Exception {
        Simulator.set("outcome=NONE");
        Map<String, String> addresses = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) {
            String id = Gateway.demo().sendSms(Requests.text("Together " + i, Requests.uniqueRecipient())).getResult().get(0)
                    .getMessageId();
            Await.until(Duration.ofSeconds(30), () -> Requests.status(id), s -> s.getStatus() == MessageStatus.SUBMITTED);
            addresses.put(id, Simulator.state().get("lastDeliveryUrl"));
        }
        ExecutorService pushers = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answered = new ArrayList<>();
            for (Map.Entry<String, String> message : addresses.entrySet()) {
                for (int copy = 0; copy < 2; copy++) {
                    answered.add(pushers.submit(() -> {
                        start.await();
                        int status = post(message.getValue(), DELIVERED).statusCode();
                        // read at once: an answer sent before its group committed would find SUBMITTED here
                        return message.getKey() + " answered " + status + ", then " + Requests.status(message.getKey()).getStatus();
                    }));
                }
            }
            start.countDown();
            for (Future<String> push : answered) {
                String seen = push.get(30, TimeUnit.SECONDS);
                assertTrue(seen.endsWith(" answered 200, then DELIVERED"), seen);
            }
        } finally {
            pushers.shutdownNow();
        }
    }

    @Test
    void aProviderThatPushesNothingHereIsNotFound() throws Exception {
        HttpResponse<String> unknown = post(Gateway.BASE + "/smshub/callbacks/nobody/x", DELIVERED);
        assertEquals(404, unknown.statusCode());
        HttpResponse<String> bare = post(Gateway.BASE + "/smshub/callbacks/smspro", DELIVERED);
        assertEquals(404, bare.statusCode());
        assertEquals(404, post(Gateway.BASE + "/smshub/callbacks/mymsp/mymsp-simulator/any/mo", DELIVERED).statusCode(),
                "myMSP reports over its SMPP session: nothing of it is pushed here");
    }
}
