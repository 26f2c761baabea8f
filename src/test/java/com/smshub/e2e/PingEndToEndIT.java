package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.xml.ws.WebServiceException;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.HealthStatus;
import com.smshub.gateway.v1.Ping;
import com.smshub.gateway.v1.PingResponse;
import com.smshub.gateway.v1.ProviderAccountHealth;

/**
 * The deployed EAR, end to end, through the client generated from {@code wsdl/SmsGateway.wsdl}: the
 * published WSDL is ours, Ping answers for the gateway and for the SMS Pro simulator's account, and a
 * caller without valid credentials gets HTTP 401.
 */
@RunAsClient
class PingEndToEndIT extends DeployedGateway {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterEach
    void simulatorBackUp() throws Exception {
        post(Gateway.SIMULATOR + "/smspro/control?alive=true", "");
    }

    @Test
    void publishedWsdlIsTheContractAsWritten() throws Exception {
        HttpResponse<String> wsdl = get(Gateway.ENDPOINT + "?wsdl");
        assertEquals(200, wsdl.statusCode());
        String original = Files.readString(Path.of(System.getProperty("user.dir"), "..", "wsdl", "SmsGateway.wsdl"));
        String documentation = original.substring(original.indexOf("<wsdl:documentation>") + 20,
                original.indexOf("</wsdl:documentation>"));
        assertTrue(wsdl.body().contains(documentation), "the published WSDL carries our documentation");
        assertTrue(wsdl.body().contains("SmsGatewayService") && wsdl.body().contains(Gateway.ENDPOINT));
        assertEquals(200, get(Gateway.ENDPOINT + "?xsd=../xsd/SmsGatewayTypes.xsd").statusCode(),
                "the imported schema is published too");
    }

    /** A probe's answer serves Pings for 2 s (ProviderProbes.FRESH); a changed provider shows within that. */
    private static final Duration FRESH = Duration.ofSeconds(2);

    private static PingResponse ping() {
        try {
            return Gateway.demo().ping(new Ping());
        } catch (GatewayFault e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pingReportsGatewayDatabaseAndSimulatedProvider() {
        // every account up: myMSP's once the server has bound its SMPP session, which may follow the deployment
        PingResponse ping = Await.until(Duration.ofSeconds(60), PingEndToEndIT::ping,
                p -> p.getStatus() == HealthStatus.UP && smsProSimulator(p).getStatus() == HealthStatus.UP);
        assertEquals(HealthStatus.UP, ping.getStatus());
        assertEquals(HealthStatus.UP, ping.getDatabase());
        assertEquals(Gateway.DEMO_TENANT, ping.getTenant());
        assertNotNull(ping.getServerTime());
        ProviderAccountHealth smsPro = smsProSimulator(ping);
        assertEquals(HealthStatus.UP, smsPro.getStatus());
        assertEquals("status 0: SMSPro is alive.", smsPro.getDetail(), "the simulator's section 11 answer");
        assertNotNull(smsPro.getLatencyMillis());
    }

    @Test
    void providerOutageDegradesTheGateway() throws Exception {
        post(Gateway.SIMULATOR + "/smspro/control?alive=false", "");
        PingResponse ping = Await.until(FRESH.multipliedBy(3), PingEndToEndIT::ping,
                p -> smsProSimulator(p).getStatus() != HealthStatus.UP);
        assertEquals(HealthStatus.DEGRADED, ping.getStatus());
        assertEquals(HealthStatus.DOWN, smsProSimulator(ping).getStatus());
        assertTrue(smsProSimulator(ping).getDetail().contains("HTTP 503"), smsProSimulator(ping).getDetail());
    }

    @Test
    void pingsWithinAFewSecondsShareOneKeepAliveRequest() throws Exception {
        Thread.sleep(FRESH.toMillis() + 200); // what earlier tests probed is no longer fresh
        long before = Simulator.counter("aliveChecks");
        assertEquals(HealthStatus.UP, smsProSimulator(ping()).getStatus());
        long perProbe = Simulator.counter("aliveChecks") - before;
        assertTrue(perProbe >= 1, "the first Ping probed the simulator");
        for (int i = 0; i < 4; i++) {
            assertEquals(HealthStatus.UP, smsProSimulator(ping()).getStatus());
        }
        assertEquals(before + perProbe, Simulator.counter("aliveChecks"), "four more Pings asked the provider nothing");
        Thread.sleep(FRESH.toMillis() + 200);
        ping();
        assertEquals(before + 2 * perProbe, Simulator.counter("aliveChecks"), "once stale, a Ping probes again");
    }

    @Test
    void pingWithoutProbingLeavesAccountsUnchecked() throws GatewayFault {
        Ping request = new Ping();
        request.setCheckProviders(false);
        PingResponse ping = Gateway.demo().ping(request);
        assertEquals(HealthStatus.UP, ping.getStatus());
        assertEquals(HealthStatus.NOT_CHECKED, smsProSimulator(ping).getStatus());
    }

    @Test
    void wrongPasswordIsRefusedWithHttp401() {
        WebServiceException refused = assertThrows(WebServiceException.class,
                () -> Gateway.as(Gateway.DEMO_TENANT, "not-the-password").ping(new Ping()));
        assertTrue(causes(refused).contains("401"), causes(refused));
    }

    @Test
    void missingCredentialsAreRefusedWithHttp401() throws Exception {
        WebServiceException refused = assertThrows(WebServiceException.class, () -> Gateway.as(null, null).ping(new Ping()));
        assertTrue(causes(refused).contains("401"), causes(refused));
        HttpResponse<String> raw = post(Gateway.ENDPOINT, "<x/>");
        assertEquals(401, raw.statusCode());
        assertTrue(raw.headers().firstValue("WWW-Authenticate").orElse("").contains("Basic"));
    }

    @Test
    void parserLimitsAreEnforced() throws Exception {
        String longText = "x".repeat(200_000);
        String body = "<soapenv:Envelope xmlns:soapenv='http://schemas.xmlsoap.org/soap/envelope/' "
                + "xmlns:v1='urn:smshub:gateway:v1'><soapenv:Body><v1:Ping><v1:checkProviders>" + longText
                + "</v1:checkProviders></v1:Ping></soapenv:Body></soapenv:Envelope>";
        HttpResponse<String> tooLong = HTTP.send(HttpRequest.newBuilder(URI.create(Gateway.ENDPOINT))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("Authorization", basic(Gateway.DEMO_TENANT, Gateway.DEMO_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(500, tooLong.statusCode());
        assertTrue(tooLong.body().contains("limit"), "maxTextLength refuses a 200,000-character text: " + tooLong.body());
    }

    /** The messages of an exception and its causes: CXF reports the HTTP status in a cause. */
    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }

    private static ProviderAccountHealth smsProSimulator(PingResponse ping) {
        return ping.getProviderAccount().stream()
                .filter(a -> "SMSPRO".equals(a.getProvider()) && a.getAccount().equals("smspro-simulator"))
                .findFirst().orElseThrow(() -> new AssertionError("no smspro-simulator account in Ping"));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
