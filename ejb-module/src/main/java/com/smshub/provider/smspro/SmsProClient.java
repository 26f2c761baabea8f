package com.smshub.provider.smspro;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.provider.smspro.xml.BillingRequest;
import com.smshub.provider.smspro.xml.BillingResult;
import com.smshub.provider.smspro.xml.MobilectrlAliveCheck;
import com.smshub.provider.smspro.xml.MobilectrlAliveRequest;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatusRequest;
import com.smshub.provider.smspro.xml.MobilectrlResponse;
import com.smshub.provider.smspro.xml.MobilectrlSms;
import com.smshub.provider.spi.ExchangeFailure;
import com.smshub.provider.spi.ProviderHttp;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/**
 * SMS Pro's XML over HTTP(S) POST, ISO-8859-1 (spec sections 2, 3). One HTTP client for the application:
 * it pools connections and is thread-safe. Points at the real provider or its simulator alike; only the
 * account's base address differs. Every failure says whether the request may have been processed
 * ({@link ExchangeFailure}: an HTTP error other than 401 and the other refusals is no proof that SMS Pro did
 * nothing), and an answer is read up to {@link #MOST_ANSWER_BYTES}.
 */
@ApplicationScoped
public class SmsProClient {

    static final String CONTENT_TYPE = "text/xml; charset=ISO-8859-1";
    /** SMS Pro answers with one small document; anything much larger is not SMS Pro speaking. */
    static final int MOST_ANSWER_BYTES = 64 * 1024;

    private final HttpClient http = ProviderHttp.client();

    private final ProviderXml xml = ProviderXml.of(SmsProSchemas.VOCABULARY);

    /** Section 11: posts {@code mobilectrl_alive_request} and reads {@code mobilectrl_alive_check}. */
    public MobilectrlAliveCheck keepAlive(SmsProEndpoint endpoint) {
        return exchange(endpoint, endpoint.alive(), new MobilectrlAliveRequest(), MobilectrlAliveCheck.class);
    }

    /** Sections 6 and 7: posts an MT or MTB request and reads {@code mobilectrl_response}. */
    public MobilectrlResponse send(SmsProEndpoint endpoint, MobilectrlSms request) {
        return exchange(endpoint, endpoint.sendSms(), request, MobilectrlResponse.class);
    }

    /** Section 6.8: asks for the delivery status of one message. */
    public MobilectrlDeliveryStatus status(SmsProEndpoint endpoint, MobilectrlDeliveryStatusRequest request) {
        return exchange(endpoint, endpoint.status(), request, MobilectrlDeliveryStatus.class);
    }

    /** Section 10: posts a {@code billing_request} and reads {@code billing_result}, once the operator has answered. */
    public BillingResult bill(SmsProEndpoint endpoint, BillingRequest request) {
        SmsProEndpoint billing = endpoint.forBilling();
        return exchange(billing, billing.billing(), request, BillingResult.class);
    }

    private <T> T exchange(SmsProEndpoint endpoint, URI uri, Object document, Class<T> answer) {
        byte[] body = xml.write(document).getBytes(StandardCharsets.ISO_8859_1);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(endpoint.timeout())
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        endpoint.basicAuthorization().ifPresent(header -> builder.header("Authorization", header));
        HttpRequest request = builder.build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new SmsProException(ExchangeFailure.NOT_SENT, "No answer from " + uri + ": " + e, e);
        } catch (IOException e) {
            // a request timeout or a connection lost once the request was on its way
            throw new SmsProException(ExchangeFailure.AMBIGUOUS, "No answer from " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsProException(ExchangeFailure.AMBIGUOUS, "Interrupted while calling " + uri, e);
        }
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status != 200) {
                // only what SMS Pro (Appendix 1: 401) or HTTP itself says was not acted on counts as not made
                throw new SmsProException(status, "HTTP " + status + " from " + uri);
            }
            return xml.read(new ByteArrayInputStream(ExchangeFailure.readBounded(in, MOST_ANSWER_BYTES)), answer);
        } catch (IOException e) {
            throw new SmsProException(ExchangeFailure.AMBIGUOUS, "Reading the answer of " + uri + " failed: " + e, e);
        } catch (SmsProException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SmsProException(ExchangeFailure.AMBIGUOUS, "Unreadable answer from " + uri + ": " + e.getMessage(), e);
        }
    }
}
