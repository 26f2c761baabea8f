package com.smshub.provider.mobipace.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every JSON example of the MOBIPACE HTTP API 3.0 document binds to its record, slips and all. */
class MobipaceJsonTest {

    private static final MobipaceJson JSON = new MobipaceJson();

    @AfterAll
    static void close() throws Exception {
        JSON.close();
    }

    @Test
    void authorizeExamples() throws IOException {
        AuthorizeRequest request = JSON.read(example("authorize-request.json"), AuthorizeRequest.class);
        assertEquals("mobipace@mobipace.com", request.username());
        assertEquals("123456", request.password());
        AuthorizeResponse response = JSON.read(example("authorize-response.json"), AuthorizeResponse.class);
        assertEquals(101, response.statusCode());
        assertEquals("4060b129-2d75-4b7e-9c3a-61b7769a5d2b", response.sessionId());
    }

    @Test
    void sendRequestWithTrailingSpacesInValues() throws IOException {
        SendRequest request = JSON.read(example("send-request-all-parameters.json"), SendRequest.class);
        assertEquals("4060b129-2d75-4b7e-9c3a-61b7769a5d2b", request.sessionId(), "trailing space stripped");
        assertEquals("2019-07-25 18:20", request.scheduledDate());
        assertEquals(10, request.sendWithinHours());
        assertEquals("false", request.isWapPush());
        assertEquals("MOBIPACE", request.sender());
        assertEquals(2, request.messages().size());
        assertEquals("SMS Message 2", request.messages().get(1).body());
    }

    @Test
    void sendResponse() throws IOException {
        SendResponse response = JSON.read(example("send-response.json"), SendResponse.class);
        assertEquals(10, response.messageCount());
        assertEquals(10, response.partCount());
        assertEquals(0, new BigDecimal("2.50").compareTo(response.averagePrice()));
        assertEquals(0, new BigDecimal("25.00").compareTo(response.totalPrice()));
    }

    @Test
    void queryMessagesExamples() throws IOException {
        QueryMessagesRequest request = JSON.read(example("querymessages-request.json"), QueryMessagesRequest.class);
        assertEquals(List.of("unique reff 1", "unique reff 2"), request.references());
        QueryMessagesResponse response = JSON.read(example("querymessages-response.json"), QueryMessagesResponse.class);
        assertEquals(2, response.messageStatuses().size());
        assertEquals("unique reff", response.messageStatuses().get(1).reference(), "spaces around the reference stripped");
        assertEquals(2, response.messageStatuses().get(1).statusCode());
    }

    @Test
    void balanceWithNumbersAsStringsAndAKeyInSpaces() throws IOException {
        QueryBalanceResponse balance = JSON.read(example("querybalance-response.json"), QueryBalanceResponse.class);
        assertEquals(0, new BigDecimal("1300.30").compareTo(balance.balance()));
        assertEquals(0, new BigDecimal("-1000").compareTo(balance.balanceNegativeLimit()));
        assertEquals(0, new BigDecimal("2300.30").compareTo(balance.availableFund()), "\" AvailableFund \" read");
        assertEquals("4060b129-2d75-4b7e-9c3a-61b7769a5d2b",
                JSON.read(example("querybalance-request.json"), QueryBalanceRequest.class).sessionId());
    }

    @Test
    void misspeltCreditLimitOfTheParameterTable() {
        QueryBalanceResponse balance = JSON.read(
                "{\"StatusCode\":101,\"Status\":\"Success\",\"Balance\":5,\"BalaceNegativeLimit\":\"-20.5\",\"AvailableFund\":25.5}",
                QueryBalanceResponse.class);
        assertEquals(0, new BigDecimal("-20.5").compareTo(balance.balanceNegativeLimit()));
    }

    @Test
    void malformedDocumentIsRejectedNotRepaired() {
        assertThrows(MalformedMobipaceJsonException.class,
                () -> JSON.read(example("send-request-mandatory-as-printed.json"), SendRequest.class));
    }

    @Test
    void aDocumentNestedDeeperThanAnyOfMobipacesIsRefusedBeforeItIsBuilt() {
        String deep = "{\"StatusCode\":101,\"MessageStatuses\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        MalformedMobipaceJsonException refused = assertThrows(MalformedMobipaceJsonException.class,
                () -> JSON.read(deep, QueryMessagesResponse.class));
        assertTrue(refused.getMessage().contains("deeper than"), refused.getMessage());
        assertEquals(101, JSON.read("{\"StatusCode\":101,\"Status\":\"ok\",\"MessageStatuses\":[]}",
                QueryMessagesResponse.class).statusCode(), "the documents' own depth is read");
    }

    @Test
    void requestsAreWrittenWithTheDocumentsKeysAndNoNulls() {
        String json = JSON.write(new SendRequest("s-1", null, null, null, "SENDER",
                List.of(new OutboundMessage("79851112233", "Hello", "m-1"))));
        assertEquals("{\"SessionId\":\"s-1\",\"Sender\":\"SENDER\",\"Messages\":[{\"Recipient\":\"79851112233\","
                + "\"Body\":\"Hello\",\"Reference\":\"m-1\"}]}", json);
        assertTrue(JSON.write(new AuthorizeRequest("u", "p")).contains("\"Username\":\"u\""));
    }

    private static String example(String name) throws IOException {
        try (InputStream in = MobipaceJsonTest.class.getResourceAsStream("/examples/mobipace/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
