package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.GetMessageStatus;
import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.Ping;
import com.smshub.gateway.v1.SendSmsResponse;
import com.smshub.gateway.v1.SmsGateway;

/**
 * The contract over HTTPS, as an integrator takes it: the published WSDL names the host, port and scheme the client
 * fetched it with (not the server's bind address), and the generated client, trusting only the server's key store,
 * sends and follows a message through the address that WSDL gives.
 */
@RunAsClient
class TlsEndToEndIT extends DeployedGateway {

    private static final String HTTPS = Tls.ENDPOINT;
    private static SSLContext trusting;

    @BeforeAll
    static void trustTheServersKeyStore() throws Exception {
        trusting = Tls.trustingTheServer();
    }

    private static String soapAddress(String wsdlUrl) throws Exception {
        HttpResponse<String> wsdl = HttpClient.newBuilder().sslContext(trusting).build()
                .send(HttpRequest.newBuilder(URI.create(wsdlUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, wsdl.statusCode(), wsdl.body());
        Matcher address = Pattern.compile("<soap:address location=\"([^\"]+)\"").matcher(wsdl.body());
        assertTrue(address.find(), wsdl.body());
        return address.group(1);
    }

    @Test
    void theWsdlNamesTheHostPortAndSchemeItWasFetchedWith() throws Exception {
        assertEquals("http://localhost:8080/smshub/SmsGateway", soapAddress("http://localhost:8080/smshub/SmsGateway?wsdl"));
        assertEquals("http://127.0.0.1:8080/smshub/SmsGateway", soapAddress("http://127.0.0.1:8080/smshub/SmsGateway?wsdl"));
        assertEquals(HTTPS, soapAddress(HTTPS + "?wsdl"));
    }

    @Test
    void theGeneratedClientSendsAndFollowsAMessageOverHttps() throws Exception {
        SmsGateway port = Tls.demo(soapAddress(HTTPS + "?wsdl"), trusting);

        Ping ping = new Ping();
        ping.setCheckProviders(false);
        assertEquals(Gateway.DEMO_TENANT, port.ping(ping).getTenant());
        SendSmsResponse sent = port.sendSms(Requests.text("Over TLS", "+46700000123"));
        String id = sent.getResult().get(0).getMessageId();
        assertNotNull(id);
        GetMessageStatus status = new GetMessageStatus();
        status.getMessageId().add(id);
        List<MessageState> states = port.getMessageStatus(status).getMessage();
        assertEquals(id, states.get(0).getMessageId());
    }
}
