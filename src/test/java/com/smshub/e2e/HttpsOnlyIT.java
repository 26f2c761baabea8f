package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.Ping;

/**
 * A server started with {@code smshub.https-only=true}: plain HTTP to the SOAP contract (its calls and its WSDL) and
 * to the admin API is refused with 403 "HTTPS Required" before any credentials are asked for, so a client that
 * would send them in clear learns so at its first call; the same over HTTPS is served; provider callbacks still
 * take plain HTTP. Its own server (the Arquillian suite's runs without the setting), in the failsafe execution of the
 * tests that start their own.
 */
class HttpsOnlyIT {

    private static final OwnServer OWN = new OwnServer();
    private static Process server;
    private static SSLContext trusting;

    @BeforeAll
    static void startWithHttpsOnly() throws Exception {
        OWN.deploy();
        server = OWN.start("https-only-server", List.of("-Dsmshub.https-only=true"),
                () -> OwnServer.simulatorsUp() && answer("GET", "http://localhost:8080/smshub/SmsGateway?wsdl", null, null).status == 403);
        trusting = Tls.trustingTheServer();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                OwnServer.kill(server, false);
            }
        } finally {
            OWN.undeploy();
        }
    }

    private record Answer(int status, String reason, String body) {
    }

    /** A plain HTTP exchange, read with the reason phrase the server gave (java.net.http does not keep it). */
    private static Answer answer(String method, String url, String auth, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        if (auth != null) {
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "text/xml; charset=UTF-8");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, connection.getResponseMessage(), text);
    }

    private static void assertRefused(Answer answer) {
        assertEquals(403, answer.status, answer.body);
        assertEquals("HTTPS Required", answer.reason);
        assertTrue(answer.body.contains("HTTPS required") && answer.body.contains("smshub.https-only"), answer.body);
    }

    @Test
    void plainHttpToTheContractAndTheAdminApiIsRefusedBeforeCredentialsAreAskedFor() throws Exception {
        String ping = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v1=\"urn:smshub:gateway:v1\">"
                + "<soapenv:Body><v1:Ping/></soapenv:Body></soapenv:Envelope>";
        assertRefused(answer("POST", "http://localhost:8080/smshub/SmsGateway", "demo:demo-password", ping));
        assertRefused(answer("POST", "http://localhost:8080/smshub/SmsGateway", null, ping)); // 403, not 401: nothing asked
        assertRefused(answer("GET", "http://localhost:8080/smshub/SmsGateway?wsdl", null, null));
        assertRefused(answer("GET", "http://localhost:8080/smshub/admin/tenants", "operator:operator-password", null));
        assertRefused(answer("GET", "http://localhost:8080/smshub/console/", null, null)); // its page asks for a password
    }

    @Test
    void overHttpsTheContractIsServed() throws Exception {
        Ping ping = new Ping();
        ping.setCheckProviders(false);
        assertEquals(Gateway.DEMO_TENANT, Tls.demo(Tls.ENDPOINT, trusting).ping(ping).getTenant());
    }

    @Test
    void providerCallbacksStillTakePlainHttp() throws Exception {
        Answer push = answer("GET", "http://localhost:8080/smshub/callbacks/mobipace", null, null);
        assertFalse(push.status == 403 && "HTTPS Required".equals(push.reason), push.status + " " + push.reason + " " + push.body);
    }
}
