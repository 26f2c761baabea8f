package com.smshub.provider.sixth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.Liveness;
import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;

/**
 * A sixth provider, test-only, added as a provider is: this package (adapter and client in one, its simulator
 * {@link SixthSimulator}) and an account with a route, nothing else. Its API: a form POSTed to
 * {@code <endpointUrl>/send} with HTTP Basic, answered 200 with the provider's id as the body, 400 with a reason.
 */
@ApplicationScoped
public class SixthAdapter implements ProviderAdapter, MessageSending {

    /** The sixth provider's code: no list in the gateway names it. */
    public static final ProviderCode CODE = ProviderCode.valueOf("SIXTH");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public ProviderCode provider() {
        return CODE;
    }

    @Override
    public Capabilities capabilities(Account account) {
        return Capabilities.builder(160).build();
    }

    @Override
    public void checkSettings(Settings settings) {
        settings.allowOnly("the sixth provider", Set.of());
    }

    @Override
    public Liveness probe(Account account) {
        return Liveness.notChecked("the sixth provider has no health call");
    }

    @Override
    public SendOutcome send(OutboundMessage message, Account account) {
        String form = "to=" + encode(message.recipient().e164()) + "&text=" + encode(message.content().text())
                + "&ref=" + encode(message.messageId());
        HttpRequest request = HttpRequest.newBuilder(URI.create(account.endpointUrl() + "/send"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (account.username() + ":" + account.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Instant sent = Instant.now();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200 -> new SendOutcome.Accepted(response.body().strip(), "200", false);
                case 400 -> new SendOutcome.Rejected("SIXTH_400", response.body().strip(), false);
                default -> new SendOutcome.Retry("HTTP " + response.statusCode() + " after "
                        + Duration.between(sent, Instant.now()).toMillis() + " ms");
            };
        } catch (IOException e) {
            // the request may have reached the provider: the journal resolves it, never a blind resend
            return new SendOutcome.Unknown("no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unknown("interrupted waiting for the answer");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
