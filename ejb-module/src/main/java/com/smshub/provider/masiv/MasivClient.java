package com.smshub.provider.masiv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.Configuration;
import com.smshub.provider.masiv.xml.Response;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.ExchangeFailure;
import com.smshub.provider.spi.ProviderHttp;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.masiv.schema.MasivSchemas;

/**
 * Masiv's HTTP API: GET requests with UTF-8 URL-encoded parameters to {@code <endpoint>/sendhandler.ashx} and
 * {@code <endpoint>/Reporthandler.ashx} (the account's endpoint is the base, {@code
 * https://api.masivapp.com/SmsHandlers}), answered with the {@code response} document. Every failure says
 * whether the request may have been processed.
 */
@ApplicationScoped
public class MasivClient {

    /** One response document; Masiv's largest (a getMessage status) is well under this. */
    static final int MOST_ANSWER_BYTES = 64 * 1024;
    /**
     * How long one request may take before its outcome counts as unknown: 10 s, or the system property
     * {@code smshub.provider.timeout-seconds}.
     */
    static final Duration TIMEOUT = Configuration.seconds("smshub.provider.timeout-seconds", 10);

    private final HttpClient http = ProviderHttp.client();

    private final ProviderXml xml = ProviderXml.of(MasivSchemas.RESPONSE);

    /** sendmessage: the credentials are added to the parameters given. */
    public Response sendMessage(Account account, Map<String, String> parameters) {
        return get(account, "/sendhandler.ashx", "sendmessage", parameters);
    }

    /** getMessage: the status of one message by Masiv's id. */
    public Response getMessage(Account account, String messageId) {
        return get(account, "/Reporthandler.ashx", "getMessage", Map.of("messageId", messageId));
    }

    /**
     * sendmessage without waiting: as {@link #askMessage} for getMessage, so that the messages of one dispatch
     * group are in flight together (Masiv takes one message a request).
     */
    public CompletableFuture<Response> sendMessageLater(Account account, Map<String, String> parameters) {
        return later(exchange(account, "/sendhandler.ashx", "sendmessage", parameters));
    }

    /**
     * getMessage without waiting: the answer, or a {@link MasivException} as {@link #getMessage} would throw it,
     * completes the stage on the HTTP client's own threads, so several questions can be in flight from one caller.
     */
    public CompletableFuture<Response> askMessage(Account account, String messageId) {
        return later(exchange(account, "/Reporthandler.ashx", "getMessage", Map.of("messageId", messageId)));
    }

    private CompletableFuture<Response> later(Exchange exchange) {
        return http.sendAsync(exchange.request(), HttpResponse.BodyHandlers.ofInputStream())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unanswered(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure,
                                exchange.shown());
                    }
                    return answer(response, exchange.shown());
                });
    }

    /** One request to Masiv, and how it is named in messages (never with the password). */
    private record Exchange(HttpRequest request, String shown) {
    }

    private Exchange exchange(Account account, String handler, String action, Map<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("action", action);
        query.put("username", account.username() == null ? "" : account.username());
        query.put("password", account.secret() == null ? "" : account.secret());
        query.putAll(parameters);
        String base = account.endpointUrl().endsWith("/") ? account.endpointUrl().substring(0, account.endpointUrl().length() - 1)
                : account.endpointUrl();
        URI uri = URI.create(base + handler + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        return new Exchange(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), base + handler + "?action=" + action);
    }

    private Response get(Account account, String handler, String action, Map<String, String> parameters) {
        Exchange exchange = exchange(account, handler, action, parameters);
        HttpResponse<InputStream> response;
        try {
            response = http.send(exchange.request(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MasivException(ExchangeFailure.AMBIGUOUS, "Interrupted while calling " + exchange.shown(), e);
        } catch (IOException e) {
            throw unanswered(e, exchange.shown());
        }
        return answer(response, exchange.shown());
    }

    /** No answer came: not sent where no connection was made, else it may have been processed. */
    private static MasivException unanswered(Throwable failure, String shown) {
        if (failure instanceof MasivException masiv) {
            return masiv;
        }
        ExchangeFailure kind = failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException
                ? ExchangeFailure.NOT_SENT : ExchangeFailure.AMBIGUOUS;
        return new MasivException(kind, "No answer from " + shown + ": " + failure, failure);
    }

    private Response answer(HttpResponse<InputStream> response, String shown) {
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status != 200) {
                throw new MasivException(ExchangeFailure.ofHttpStatus(status), "HTTP " + status + " from " + shown, null);
            }
            return xml.read(new ByteArrayInputStream(ExchangeFailure.readBounded(in, MOST_ANSWER_BYTES)), Response.class);
        } catch (IOException e) {
            throw new MasivException(ExchangeFailure.AMBIGUOUS, "Reading the answer of " + shown + " failed: " + e, e);
        } catch (MasivException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MasivException(ExchangeFailure.AMBIGUOUS, "Unreadable answer from " + shown + ": " + e.getMessage(), e);
        }
    }
}
