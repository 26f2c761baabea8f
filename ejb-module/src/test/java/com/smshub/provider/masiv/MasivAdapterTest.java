package com.smshub.provider.masiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.kernel.Msisdn;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;
import com.sun.net.httpserver.HttpServer;

/**
 * A dispatch group over Masiv's HTTP API against a local server that answers sendmessage as spec 003 prints it,
 * slowly: the group's requests are in flight together, each message in its own request, each outcome its own.
 */
class MasivAdapterTest {

    private static final long SLOW_MILLIS = 200;

    private HttpServer server;
    private ExecutorService threads;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> recipients = new ConcurrentLinkedQueue<>();
    private MasivAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/SmsHandlers/sendhandler.ashx", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                String recipient = query.get("recipient");
                recipients.add(recipient);
                Thread.sleep(SLOW_MILLIS);
                if (recipient.endsWith("502")) {
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
                String answer = recipient.endsWith("001") ? """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <response><action>error</action><data><errorcode>1</errorcode>
                        <errormessage>Invalid recipient.</errormessage></data></response>"""
                        : """
                        <?xml version="1.0" encoding="utf-8" ?>
                        <response><action>sendmessage</action><data><acceptreport>
                        <statuscode>0</statuscode><statusmessage>Message accepted for delivery</statusmessage>
                        <messageid>id-%s</messageid><originator>3027</originator><recipient>%s</recipient>
                        <messagetype>SMS:TEXT</messagetype><messagedata>%s</messagedata>
                        </acceptreport></data></response>""".formatted(recipient, recipient, query.get("messagedata"));
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
        adapter = new MasivAdapter();
        adapter.client = new MasivClient();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private Account account(Map<String, String> settings) {
        return new Account(1, "test", MasivAdapter.CODE, "http://127.0.0.1:" + server.getAddress().getPort() + "/SmsHandlers",
                "smshub", "masiv-password", Settings.of(settings), null);
    }

    private static List<OutboundMessage> messages(String... numbers) {
        List<OutboundMessage> messages = new ArrayList<>();
        for (String number : numbers) {
            messages.add(new OutboundMessage("m-" + number, Msisdn.parse("+" + number), SmsContent.text("Hola " + number).build()));
        }
        return messages;
    }

    @Test
    void aGroupsRequestsAreInFlightTogetherEachMessageInItsOwn() {
        List<OutboundMessage> group = messages("573151000010", "573151000011", "573151000012", "573151000013",
                "573151000014", "573151000015", "573151000016", "573151000017");
        assertEquals(8, adapter.capabilities(account(Map.of())).mostPerRequest(false), "groups of sendsInFlight, 8 by default");

        List<SendOutcome> outcomes = adapter.sendGroup(group, account(Map.of()));

        assertEquals(8, mostInFlight.get(), "the whole group in flight at once (one after another: 1)");
        assertEquals(8, recipients.size(), "each message in its own request, once");
        for (int i = 0; i < group.size(); i++) {
            SendOutcome.Accepted accepted = assertInstanceOf(SendOutcome.Accepted.class, outcomes.get(i));
            assertEquals("id-" + group.get(i).recipient().digits(), accepted.providerMessageId(), "outcomes in the group's order");
        }
    }

    @Test
    void eachMessageOfAGroupHasItsOwnOutcome() {
        List<SendOutcome> outcomes = adapter.sendGroup(messages("573151000020", "573151000001", "573151000502"),
                account(Map.of()));

        assertInstanceOf(SendOutcome.Accepted.class, outcomes.get(0));
        SendOutcome.Rejected invalid = assertInstanceOf(SendOutcome.Rejected.class, outcomes.get(1));
        assertEquals("1", invalid.code(), "Masiv's error 1, Invalid recipient");
        SendOutcome.Unknown badGateway = assertInstanceOf(SendOutcome.Unknown.class, outcomes.get(2),
                "a 502 may come from a proxy after Masiv took the message: not known, never sent again blindly");
        assertTrue(badGateway.reason().contains("HTTP 502"), badGateway.reason());
        assertEquals(3, recipients.size());
    }

    @Test
    void oneInFlightFormsNoGroup() {
        assertEquals(1, adapter.capabilities(account(Map.of("sendsInFlight", "1"))).mostPerRequest(false));
    }
}
