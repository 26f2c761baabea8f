package com.smshub.provider.smspro;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.provider.smspro.xml.MobilectrlAliveCheck;
import com.smshub.provider.smspro.xml.MobilectrlAliveRequest;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.xml.ProviderVocabulary;

/**
 * SMS Pro's XML over HTTP(S) POST, ISO-8859-1 (spec sections 2, 3). One HTTP client for the application:
 * it pools connections and is thread-safe. Points at the real provider or its simulator alike; only the
 * account's base address differs.
 */
@ApplicationScoped
public class SmsProClient {

    static final String CONTENT_TYPE = "text/xml; charset=ISO-8859-1";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final ProviderXml xml = ProviderXml.of(ProviderVocabulary.SMSPRO);

    /**
     * Section 11: posts {@code mobilectrl_alive_request} and reads {@code mobilectrl_alive_check}.
     *
     * @throws SmsProException when the exchange fails or the answer is not a keep-alive check
     */
    public MobilectrlAliveCheck keepAlive(SmsProEndpoint endpoint) {
        HttpResponse<InputStream> response = post(endpoint, endpoint.alive(), xml.write(new MobilectrlAliveRequest()));
        try (InputStream body = response.body()) {
            return xml.read(body, MobilectrlAliveCheck.class);
        } catch (IOException e) {
            throw new SmsProException("Reading the keep-alive answer failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SmsProException("Unreadable keep-alive answer: " + e.getMessage(), e);
        }
    }

    private HttpResponse<InputStream> post(SmsProEndpoint endpoint, java.net.URI uri, String document) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(endpoint.timeout())
                .header("Content-Type", CONTENT_TYPE)
                .header("Authorization", endpoint.basicAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString(document, Charset.forName("ISO-8859-1")))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new SmsProException("No answer from " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsProException("Interrupted while calling " + uri, e);
        }
        if (response.statusCode() != 200) {
            try (InputStream ignored = response.body()) {
                // drain so the connection can be reused
            } catch (IOException ignored) {
                // the status already says what went wrong
            }
            throw new SmsProException("HTTP " + response.statusCode() + " from " + uri);
        }
        return response;
    }
}
