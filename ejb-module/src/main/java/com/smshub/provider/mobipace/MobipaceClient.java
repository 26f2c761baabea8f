package com.smshub.provider.mobipace;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.Configuration;
import com.smshub.provider.mobipace.json.AuthorizeRequest;
import com.smshub.provider.mobipace.json.AuthorizeResponse;
import com.smshub.provider.mobipace.json.MalformedMobipaceJsonException;
import com.smshub.provider.mobipace.json.MobipaceJson;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.ExchangeFailure;
import com.smshub.provider.spi.ProviderHttp;

/**
 * MOBIPACE's JSON over HTTPS POST, one address per method below the account's base
 * ({@code https://api.mobipace.com:444/v3}). A session id from {@code authorize} is kept per account and
 * reused; it is renewed when MOBIPACE says it expired (103) and before its 60 s of idleness run out. The core
 * sends one request at a time per account (MOBIPACE's limitation 1), so a session is never used twice at once.
 */
@ApplicationScoped
public class MobipaceClient {

    /**
     * How long one request may take before its outcome counts as unknown: 10 s, or the system property
     * {@code smshub.provider.timeout-seconds} (MOBIPACE asks its partners to wait no more than 60 s).
     */
    static final Duration TIMEOUT = Configuration.seconds("smshub.provider.timeout-seconds", 10);
    /**
     * The largest answer read: a QueryMessages answer for a Send of 20,000 messages (limitation 1) is about
     * 3 MB; a peer that sends more is not MOBIPACE.
     */
    static final int MOST_ANSWER_BYTES = 16 * 1024 * 1024;
    /** MOBIPACE closes a session 60 s after its last request; it is renewed a little before. */
    static final Duration IDLE = Duration.ofSeconds(55);

    private final HttpClient http = ProviderHttp.client();

    private static final Logger LOG = Logger.getLogger(MobipaceClient.class.getName());

    private final MobipaceJson json = new MobipaceJson();

    /** A session of one account, as configured when it was opened. */
    private record Session(String id, String endpoint, String username, String secret, long lastUsed) {
    }

    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();

    /**
     * How long a locked or blocked user (201, 202) is left alone before one more authorisation; wrong credentials
     * (200) are not tried again at all until an operator changes them (smshub.mobipace.refusal-hold-minutes).
     */
    static final Duration REFUSAL_HOLD = Duration.ofMinutes(Configuration.number("smshub.mobipace.refusal-hold-minutes", 15));

    /**
     * An authorisation MOBIPACE refused, with the credentials it refused. Each attempt with wrong credentials counts
     * towards MOBIPACE locking the user (201, "number of allowable mistakes exceeded"), so dispatch, status checks
     * and probes do not ask again with the same ones.
     */
    private record Refusal(String endpoint, String username, String secret, int code, String status, long atNanos) {

        boolean stands(Account account) {
            return endpoint.equals(account.endpointUrl()) && Objects.equals(username, account.username())
                    && Objects.equals(secret, account.secret())
                    && (code == MobipaceCodes.WRONG_CREDENTIALS || System.nanoTime() - atNanos < REFUSAL_HOLD.toNanos());
        }
    }

    private final Map<Long, Refusal> refused = new ConcurrentHashMap<>();

    /**
     * Posts a request of the session to one of MOBIPACE's methods and reads the answer.
     *
     * @param request the request, given the session id
     * @param status  the answer's request status code
     */
    public <T> T call(Account account, String method, Function<String, Object> request, Class<T> answer,
            ToIntFunction<T> status) {
        Session session = session(account);
        T read = post(account, method, request.apply(session.id()), answer);
        if (status.applyAsInt(read) == MobipaceCodes.SESSION_EXPIRED) {
            sessions.remove(account.id());
            session = session(account);
            read = post(account, method, request.apply(session.id()), answer);
        }
        sessions.computeIfPresent(account.id(), (id, s) -> new Session(s.id(), s.endpoint(), s.username(), s.secret(), System.nanoTime()));
        return read;
    }

    /** The account's session: the one kept while it is fresh and the account unchanged, else a new one. */
    private Session session(Account account) {
        Session kept = sessions.get(account.id());
        if (kept != null && kept.endpoint().equals(account.endpointUrl()) && Objects.equals(kept.username(), account.username())
                && Objects.equals(kept.secret(), account.secret()) && System.nanoTime() - kept.lastUsed() < IDLE.toNanos()) {
            return kept;
        }
        Refusal refusal = refused.get(account.id());
        if (refusal != null && refusal.stands(account)) {
            throw new MobipaceException(ExchangeFailure.REFUSED, refusal.code(), "MOBIPACE refused to authorise this account ("
                    + refusal.code() + " " + refusal.status() + "); not asked again " + (refusal.code() == MobipaceCodes.WRONG_CREDENTIALS
                    ? "until its credentials change" : "for " + REFUSAL_HOLD.toMinutes() + " minutes or until its credentials change")
                    + ", lest MOBIPACE lock the user", null);
        }
        AuthorizeResponse authorized;
        try {
            authorized = post(account, "authorize", new AuthorizeRequest(account.username(), account.secret()),
                    AuthorizeResponse.class);
        } catch (MobipaceException e) {
            // an authorisation carries no message: whatever became of it, the request it was for was not sent
            throw e.kind() == ExchangeFailure.AMBIGUOUS
                    ? new MobipaceException(ExchangeFailure.NOT_SENT, e.code(), "Not sent: the authorisation failed: " + e.getMessage(), e)
                    : e;
        }
        if (authorized.statusCode() != MobipaceCodes.SUCCESS || authorized.sessionId() == null) {
            boolean refusedUser = authorized.statusCode() >= 200 && authorized.statusCode() < 300;
            if (refusedUser) {
                // 200-202: the credentials, or the user locked or blocked: nothing was sent, and this account cannot send
                refused.put(account.id(), new Refusal(account.endpointUrl(), account.username(), account.secret(),
                        authorized.statusCode(), authorized.status(), System.nanoTime()));
                LOG.warning(() -> "MOBIPACE refused to authorise account " + account.name() + ": " + authorized.statusCode() + " "
                        + authorized.status());
            }
            throw new MobipaceException(refusedUser ? ExchangeFailure.REFUSED : ExchangeFailure.NOT_SENT, authorized.statusCode(),
                    "MOBIPACE refused to authorise: " + authorized.statusCode() + " " + authorized.status(), null);
        }
        refused.remove(account.id());
        Session opened = new Session(authorized.sessionId().strip(), account.endpointUrl(), account.username(),
                account.secret(), System.nanoTime());
        sessions.put(account.id(), opened);
        return opened;
    }

    private <T> T post(Account account, String method, Object request, Class<T> answer) {
        String base = account.endpointUrl().endsWith("/") ? account.endpointUrl().substring(0, account.endpointUrl().length() - 1)
                : account.endpointUrl();
        URI uri = URI.create(base + "/" + method);
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.write(request), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new MobipaceException(ExchangeFailure.NOT_SENT, 0, "No answer from " + uri + ": " + e, e);
        } catch (IOException e) {
            throw new MobipaceException(ExchangeFailure.AMBIGUOUS, 0, "No answer from " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MobipaceException(ExchangeFailure.AMBIGUOUS, 0, "Interrupted while calling " + uri, e);
        }
        String body;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new MobipaceException(ExchangeFailure.ofHttpStatus(response.statusCode()), 0,
                        "HTTP " + response.statusCode() + " from " + uri, null);
            }
            body = new String(ExchangeFailure.readBounded(in, MOST_ANSWER_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MobipaceException(ExchangeFailure.AMBIGUOUS, 0, "Reading the answer of " + uri + " failed: " + e, e);
        }
        try {
            return json.read(body, answer);
        } catch (MalformedMobipaceJsonException e) {
            throw new MobipaceException(ExchangeFailure.AMBIGUOUS, 0, "Unreadable answer from " + uri + ": " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        try {
            json.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "MOBIPACE's JSON binding did not close cleanly", e);
        }
    }
}
