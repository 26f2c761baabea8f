package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.AccountBalance;
import com.smshub.gateway.v1.CalculatePrice;
import com.smshub.gateway.v1.CalculatePriceResponse;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.GetBalance;
import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.gateway.v1.StatusEvent;

/**
 * MyMobileAPI through the SOAP contract, against its simulator (the .asmx service published from the provider's
 * WSDL): the demo routes send South African numbers (+27) there. Statuses come from the Sent feed, read every
 * second here (arquillian.xml); the provider times out after 3 s.
 */
@RunAsClient
class MyMobileApiEndToEndIT extends DeployedGateway {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ProviderSimulator SIMULATOR = ProviderSimulator.MYMOBILEAPI;

    @BeforeEach
    @AfterEach
    void resetSimulator() {
        SIMULATOR.reset();
    }

    private static String number() {
        return "+2783" + String.format("%07d", (int) (Math.random() * 10_000_000));
    }

    private static MessageState await(String id, MessageStatus status) {
        return Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == status);
    }

    @Test
    void aMessageIsSentWithItsIdAsCustomeridAndDeliveredByTheSentFeed() throws GatewayFault {
        RecipientResult accepted = Gateway.demo().sendSms(Requests.text("Sawubona", number())).getResult().get(0);
        assertEquals("MYMOBILEAPI", accepted.getProvider());
        MessageState delivered = await(accepted.getMessageId(), MessageStatus.DELIVERED);
        StatusEvent last = delivered.getEvent().get(delivered.getEvent().size() - 1);
        assertEquals("MYMOBILEAPI_SENT", last.getSource());
        assertEquals("DELIVRD", last.getProviderStatus().getRawStatus());
        assertEquals(1, SIMULATOR.counter("accepted"));
    }

    @Test
    void theRecipientsOfOneSendGoInOneCallAndEachGetsItsOwnStatus() throws GatewayFault {
        List<RecipientResult> results = Gateway.demo().sendSms(Requests.text("To the three of you", number(), number(), number()))
                .getResult();
        for (RecipientResult result : results) {
            await(result.getMessageId(), MessageStatus.DELIVERED);
        }
        assertEquals(1, SIMULATOR.counter("requests"), "one Send_STR_STR with three entries");
        assertEquals(3, SIMULATOR.counter("accepted"));
    }

    @Test
    void eachEntryIsJudgedOnItsOwn() throws GatewayFault {
        SIMULATOR.set("entryFailure=numto invalid&failSuffix=99");
        String good = "+2783" + String.format("%05d", (int) (Math.random() * 100_000)) + "11";
        String bad = "+2783" + String.format("%05d", (int) (Math.random() * 100_000)) + "99";
        List<RecipientResult> results = Gateway.demo().sendSms(Requests.text("Judged", good, bad)).getResult();
        await(results.get(0).getMessageId(), MessageStatus.DELIVERED);
        MessageState rejected = await(results.get(1).getMessageId(), MessageStatus.REJECTED);
        assertEquals("PROVIDER_REJECTED", rejected.getReasonCode(), "the number itself: final, no other route tried");
        assertTrue(rejected.getReason().contains("numto invalid"), rejected.getReason());
    }

    @Test
    void aCallRefusedAsAWholeRefusesItsEntriesForThisAccount() throws GatewayFault {
        SIMULATOR.set("callError=Insufficient credits");
        String id = Gateway.demo().sendSms(Requests.text("No credit", number())).getResult().get(0).getMessageId();
        MessageState rejected = await(id, MessageStatus.REJECTED);
        assertEquals("NO_ROUTE_ACCEPTED", rejected.getReasonCode(), "refused for the account, and no other route for +27");
        assertTrue(rejected.getReason().contains("Insufficient credits"), rejected.getReason());
    }

    @Test
    void aTimeoutLeavesTheMessageUnknownUntilTheFeedTellsAndItIsNeverSentAgain() throws Exception {
        SIMULATOR.set("slowMillis=5000&deliveryDelayMillis=100");
        String id = Gateway.demo().sendSms(Requests.text("Slow", number())).getResult().get(0).getMessageId();
        // the feed's DELIVRD (by customerid) may come while the call still waits for its answer: the call holds no
        // row, so it applies at once, and the timeout recorded after it changes nothing
        MessageState delivered = await(id, MessageStatus.DELIVERED);
        List<MessageStatus> events = delivered.getEvent().stream().map(StatusEvent::getStatus).toList();
        assertEquals(MessageStatus.QUEUED, events.get(0));
        assertEquals(MessageStatus.DELIVERED, events.get(events.size() - 1));
        Thread.sleep(4000); // past the call's 3 s timeout: its outcome recorded
        assertEquals(MessageStatus.DELIVERED, Requests.status(id).getStatus(), "a late UNKNOWN never moves it back");
        assertEquals(1, SIMULATOR.counter("requests"), "matched by customerid: the feed resolved it, nothing was resent");
        assertEquals(0, SIMULATOR.counter("duplicates"));
    }

    @Test
    void undeliveredAndExpiredConvergeOnTheCanonicalStatuses() throws GatewayFault {
        SIMULATOR.set("outcome=UNDELIV");
        String undelivered = Gateway.demo().sendSms(Requests.text("Nope", number())).getResult().get(0).getMessageId();
        await(undelivered, MessageStatus.UNDELIVERED);
        SIMULATOR.set("outcome=EXPIRED");
        String expired = Gateway.demo().sendSms(Requests.text("Too late", number())).getResult().get(0).getMessageId();
        await(expired, MessageStatus.EXPIRED);
    }

    @Test
    void thePriceIsTheCreditsMyMobileApiWouldUseAtTheAccountsCreditPrice() throws GatewayFault {
        CalculatePrice request = new CalculatePrice();
        request.setText("x".repeat(200)); // two parts: two credits at the simulator
        request.getRecipient().addAll(List.of(number(), number()));
        CalculatePriceResponse priced = Gateway.demo().calculatePrice(request);
        assertEquals(0, new BigDecimal("0.60").compareTo(priced.getResult().get(0).getPrice().getAmount()),
                "two credits at 0.30 ZAR (demo creditPrice), not the route's 0.35 a segment");
        assertEquals("ZAR", priced.getTotal().getCurrency());
        assertEquals(0, new BigDecimal("1.20").compareTo(priced.getTotal().getAmount()));
        assertEquals(0, SIMULATOR.counter("accepted"), "asked with live False: nothing sent");
    }

    @Test
    void theBalanceIsTheAccountsCredits() throws GatewayFault {
        SIMULATOR.set("credits=4242");
        GetBalance request = new GetBalance();
        request.setProvider("MYMOBILEAPI");
        List<AccountBalance> balances = Gateway.demo().getBalance(request).getBalance();
        assertEquals(1, balances.size(), balances.toString());
        assertEquals("mymobileapi-simulator", balances.get(0).getAccount());
        assertEquals(4242L, balances.get(0).getCredits());
        assertNull(balances.get(0).getBalance(), "credits, not money");
    }

    /**
     * The simulator reads the .asmx wire itself (not from the WSDL the client is generated from): a call as .NET
     * clients write it is answered; what .asmx refuses is refused the same way.
     */
    @Test
    void theSimulatorJudgesTheSoapWireAsAnAsmxServiceDoes() throws Exception {
        String credits = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<Credits_STR xmlns=\"http://www.mymobileapi.com/api5\"><username>smshub</username>"
                + "<password>mma-password</password></Credits_STR></soap:Body></soap:Envelope>";
        String action = "\"http://www.mymobileapi.com/api5/Credits_STR\"";
        HttpResponse<String> answered = soap(credits, "text/xml; charset=utf-8", action);
        assertEquals(200, answered.statusCode(), answered.body());
        assertTrue(answered.body().contains("<Credits_STRResponse xmlns=\"http://www.mymobileapi.com/api5\"><Credits_STRResult>")
                && answered.body().contains("&lt;api_result&gt;"), answered.body());

        HttpResponse<String> wrongAction = soap(credits, "text/xml; charset=utf-8", "\"http://www.mymobileapi.com/api5/Send_STR_STR\"");
        assertEquals(500, wrongAction.statusCode());
        assertTrue(wrongAction.body().contains("<faultcode>soap:Client</faultcode>")
                && wrongAction.body().contains("did not recognize the value of HTTP Header SOAPAction"), wrongAction.body());
        assertEquals(500, soap(credits, "text/xml; charset=utf-8", null).statusCode(), "no SOAPAction");
        assertEquals(415, soap(credits, "application/soap+xml; charset=utf-8", action).statusCode(), "SOAP 1.2 is not this service's");
        HttpResponse<String> otherNamespace = soap(credits.replace("api5\"", "api6\""), "text/xml; charset=utf-8", action);
        assertEquals(500, otherNamespace.statusCode());
        assertTrue(otherNamespace.body().contains("soap:Client"), otherNamespace.body());
        HttpResponse<String> zip = soap(credits.replace("Credits_STR", "Send_ZIP_ZIP"), "text/xml; charset=utf-8",
                action.replace("Credits_STR", "Send_ZIP_ZIP"));
        assertEquals(500, zip.statusCode(), "the ZIP variants are not simulated, and say so");
        assertEquals(5, SIMULATOR.counter("soapRefused"));

        // an entry whose date is no day is failed on its own, with the reason the Send table lists
        String senddata = "<senddata><settings><live>True</live><return_entries_failed_status>True</return_entries_failed_status>"
                + "<default_date>03/Dec/2026</default_date><default_time>10:00</default_time></settings><entries>"
                + "<numto>27831234567</numto><customerid>no-day</customerid><date>31/Feb/2026</date><time>10:00</time>"
                + "<data1>Hi</data1></entries></senddata>";
        String send = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<Send_STR_STR xmlns=\"http://www.mymobileapi.com/api5\"><username>smshub</username><password>mma-password</password>"
                + "<data>" + senddata.replace("<", "&lt;").replace(">", "&gt;") + "</data></Send_STR_STR></soap:Body></soap:Envelope>";
        HttpResponse<String> noDay = soap(send, "text/xml; charset=utf-8", "\"http://www.mymobileapi.com/api5/Send_STR_STR\"");
        assertEquals(200, noDay.statusCode(), noDay.body());
        assertTrue(noDay.body().contains("&lt;entries_failed&gt;") && noDay.body().contains("no-day")
                && noDay.body().contains("time invalid") && !noDay.body().contains("&lt;entries_success&gt;"), noDay.body());

        // GET: the service description where .asmx gives it (?WSDL), and 405 for any other GET
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(URI.create(Gateway.SIMULATOR + "/mymobileapi/api5/api.asmx?WSDL"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("targetNamespace=\"http://www.mymobileapi.com/api5\"") && wsdl.body().contains("Send_STR_STR"),
                "the published description names the service's namespace and operations");
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create(Gateway.SIMULATOR + "/mymobileapi/api5/api.asmx"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "a GET without ?WSDL is no call");
    }

    private static HttpResponse<String> soap(String envelope, String contentType, String action) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.SIMULATOR + "/mymobileapi/api5/api.asmx"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(envelope));
        if (action != null) {
            request.header("SOAPAction", action);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
