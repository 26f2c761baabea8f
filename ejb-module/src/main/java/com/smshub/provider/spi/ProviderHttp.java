package com.smshub.provider.spi;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client an adapter of an HTTP provider builds, one an adapter: it pools connections and is
 * thread-safe. HTTP/1.1, which every HTTP provider's specification is written for. Left to its default,
 * java.net.http asks a plain-HTTP server to upgrade to HTTP/2 (h2c), and a server that agrees (Undertow, the
 * simulators' server, does) then gets every request over one connection with its headers HPACK-coded, which
 * cost the SMS Pro dispatch a third of its CPU (docs/benchmarks.md, twenty-second round). Redirects are never
 * followed: a provider that answers with one has not taken the request ({@link ExchangeFailure}).
 */
public final class ProviderHttp {

    /** How long a connection may take to open; an exchange's own timeout is the account's. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private ProviderHttp() {
    }

    public static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
