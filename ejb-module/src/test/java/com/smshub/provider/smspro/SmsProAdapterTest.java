package com.smshub.provider.smspro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Account;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.Settings;
import com.sun.net.httpserver.HttpServer;

/** The keep-alive exchange of section 11 against a local HTTP server that answers as the spec prints. */
class SmsProAdapterTest {

    private HttpServer server;
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <mobilectrl_alive_check>
            <status>0</status>
            <message>SMSPro is alive.</message>
            </mobilectrl_alive_check>""";

    private SmsProAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/services/CUSTOMER/alive", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.set(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.getBytes(StandardCharsets.ISO_8859_1);
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=ISO-8859-1");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        adapter = new SmsProAdapter();
        adapter.client = new SmsProClient();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Account account() {
        return new Account(1, "test", ProviderCode.valueOf("SMSPRO"),
                "http://127.0.0.1:" + server.getAddress().getPort() + "/services/CUSTOMER/", "CUSTOMER", "xxxxxxxx",
                Settings.of(Map.of("basicUsername", "smshub", "basicPassword", "s3cret")), null);
    }

    @Test
    void aliveAnswerIsUp() {
        Liveness liveness = adapter.probe(account());
        assertEquals(Liveness.State.UP, liveness.state());
        assertEquals("status 0: SMSPro is alive.", liveness.detail());
        assertTrue(received.get().contains("<mobilectrl_alive_request/>"), received.get());
        assertTrue(received.get().startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\""), "ISO-8859-1 as section 3 says");
        assertEquals("Basic c21zaHViOnMzY3JldA==", authorization.get(), "Appendix 1: HTTP Basic, the additional credentials");
    }

    @Test
    void nonZeroStatusIsDown() {
        answer = answer.replace("<status>0</status>", "<status>-2</status>");
        assertEquals(Liveness.State.DOWN, adapter.probe(account()).state());
    }

    @Test
    void httpErrorIsDown() {
        status = 401;
        Liveness liveness = adapter.probe(account());
        assertEquals(Liveness.State.DOWN, liveness.state());
        assertTrue(liveness.detail().contains("HTTP 401"), liveness.detail());
    }

    @Test
    void unreadableAnswerIsDown() {
        answer = "<html>maintenance</html>";
        assertEquals(Liveness.State.DOWN, adapter.probe(account()).state());
    }

    @Test
    void refusedConnectionIsDown() {
        server.stop(0);
        Liveness liveness = adapter.probe(account());
        assertEquals(Liveness.State.DOWN, liveness.state());
        assertTrue(liveness.detail().contains("No answer"), liveness.detail());
    }
}
