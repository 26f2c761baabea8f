package com.smshub.provider.mobipace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.kernel.Msisdn;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Send against a local server that answers MOBIPACE's methods as the spec does, or fails where told: an
 * authorisation carries no message, so however it fails the Send it was for was not sent (Retry, never Unknown:
 * an Unknown message MOBIPACE never received stays so, since asking by its reference finds nothing); a Send that
 * fails after it went out is Unknown.
 */
class MobipaceAdapterTest {

    private HttpServer server;
    private MobipaceAdapter adapter;
    /** The methods called, in order. */
    private final ConcurrentLinkedQueue<String> called = new ConcurrentLinkedQueue<>();
    /** How each method answers: "ok", "500", "drop" (the connection closed with no answer) or a status code. */
    private volatile Map<String, String> answers = Map.of();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/", this::answer);
        server.start();
        adapter = new MobipaceAdapter();
        adapter.client = new MobipaceClient();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/v3/".length());
        called.add(method);
        exchange.getRequestBody().readAllBytes();
        String how = answers.getOrDefault(method, "ok");
        if (how.equals("drop")) {
            exchange.close();
            return;
        }
        if (how.equals("500")) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        int code = how.equals("ok") ? 101 : Integer.parseInt(how);
        String body = method.equals("authorize")
                ? "{\"StatusCode\": " + code + ", \"Status\": \"Success\", \"SessionId\": \"s-" + called.size() + "\"}"
                : "{\"StatusCode\": " + code + ", \"Status\": \"" + (code == 101 ? "Success" : "SessionExpired")
                        + "\", \"MessageCount\": 1, \"PartCount\": 1, \"AveragePrice\": 1.0, \"TotalPrice\": 1.0}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Account account() {
        return new Account(7, "test", MobipaceAdapter.CODE, "http://127.0.0.1:" + server.getAddress().getPort() + "/v3",
                "smshub", "mobipace-password", Settings.of(Map.of("sender", "SmsHub")), null);
    }

    private SendOutcome send() {
        return adapter.send(new OutboundMessage("m-1", Msisdn.parse("+79251000001"), SmsContent.text("Privet").build()),
                account());
    }

    @Test
    void aSendThatAnswersIsAccepted() {
        assertInstanceOf(SendOutcome.Accepted.class, send());
        assertEquals(List.of("authorize", "Send"), List.copyOf(called));
    }

    @Test
    void anAuthorisationAnswered500SendsNothingAndTheMessageMayGoAgain() {
        answers = Map.of("authorize", "500");

        SendOutcome.Retry retry = assertInstanceOf(SendOutcome.Retry.class, send(),
                "nothing was sent: an HTTP 500 to authorize is not the Send's ambiguity");
        assertTrue(retry.reason().contains("authorisation"), retry.reason());
        assertEquals(List.of("authorize"), List.copyOf(called));
    }

    @Test
    void anAuthorisationCutOffSendsNothingAndTheMessageMayGoAgain() {
        answers = Map.of("authorize", "drop");

        assertInstanceOf(SendOutcome.Retry.class, send(), "nothing was sent: the connection closed under authorize");
        assertTrue(called.stream().allMatch("authorize"::equals), "Send never called: " + called);
    }

    @Test
    void anExpiredSessionWhoseRenewalFailsSendsNothing() {
        assertInstanceOf(SendOutcome.Accepted.class, send());
        answers = Map.of("Send", "103", "authorize", "500");

        assertInstanceOf(SendOutcome.Retry.class, send(), "103: the Send was not taken; the renewal failed: nothing sent");
        assertEquals(List.of("authorize", "Send", "Send", "authorize"), List.copyOf(called));
    }

    @Test
    void aSendCutOffIsUnknown() {
        answers = Map.of("Send", "drop");

        SendOutcome.Unknown unknown = assertInstanceOf(SendOutcome.Unknown.class, send(),
                "the Send went out: MOBIPACE may have taken it");
        assertTrue(unknown.reason().contains("Send"), unknown.reason());
    }

    @Test
    void aSendAnswered500IsUnknown() {
        answers = Map.of("Send", "500");

        assertInstanceOf(SendOutcome.Unknown.class, send());
    }
}
