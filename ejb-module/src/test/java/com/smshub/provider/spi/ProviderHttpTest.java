package com.smshub.provider.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProviderHttpTest {

    @Test
    void theProvidersAreSpokenToInHttp11NeverUpgradedAndNeverRedirected() {
        HttpClient client = ProviderHttp.client();
        // HTTP/2 would be asked for as an h2c upgrade, and a server that agrees costs the dispatch HPACK's coding
        assertEquals(HttpClient.Version.HTTP_1_1, client.version());
        // a redirect is no answer of the provider's: the exchange fails AMBIGUOUS, it is not followed
        assertEquals(HttpClient.Redirect.NEVER, client.followRedirects());
        assertEquals(Optional.of(Duration.ofSeconds(5)), client.connectTimeout());
    }
}
