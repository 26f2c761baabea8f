package com.smshub.e2e;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import jakarta.xml.ws.BindingProvider;

import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;

import com.smshub.gateway.v1.SmsGateway;
import com.smshub.gateway.v1.SmsGatewayService;

/** HTTPS to the test server, trusting its key store (server-module's smshub.cli, "TLS") and nothing else. */
final class Tls {

    static final String ENDPOINT = "https://localhost:8443/smshub/SmsGateway";

    private Tls() {
    }

    /**
     * An SSL context that trusts the certificate of the server's key store. WildFly makes that key store at the first
     * handshake when the file is not there yet, so one handshake, trusting anything and sending nothing, comes first.
     */
    static SSLContext trustingTheServer() throws Exception {
        SSLContext any = SSLContext.getInstance("TLS");
        any.init(null, new TrustManager[] {new TrustingAnything()}, null);
        HttpClient.newBuilder().sslContext(any).build().send(HttpRequest.newBuilder(URI.create(ENDPOINT + "?wsdl")).build(),
                HttpResponse.BodyHandlers.discarding());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        Path file = Path.of(System.getProperty("jboss.home"), "standalone/configuration/application.keystore");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, "password".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);
        return trusting;
    }

    /** The generated client's port at this address, as the demo tenant, over this SSL context. */
    static SmsGateway demo(String address, SSLContext ssl) {
        SmsGateway port = new SmsGatewayService().getSmsGatewayPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        context.put(BindingProvider.USERNAME_PROPERTY, Gateway.DEMO_TENANT);
        context.put(BindingProvider.PASSWORD_PROPERTY, Gateway.DEMO_PASSWORD);
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(ssl);
        ((HTTPConduit) ClientProxy.getClient(port).getConduit()).setTlsClientParameters(tls);
        return port;
    }

    /** Only to make WildFly generate its key store, or to see that the listener answers: nothing is sent over it. */
    private static final class TrustingAnything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
