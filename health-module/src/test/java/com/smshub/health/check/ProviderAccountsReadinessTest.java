package com.smshub.health.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ProviderAccountsReadinessTest {

    private static Map<String, String> accounts(String... entries) {
        Map<String, String> accounts = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            accounts.put(entries[i], entries[i + 1]);
        }
        return accounts;
    }

    @Test
    void oneAccountAwayIsShownAndTheNodeStaysReady() {
        HealthCheckResponse response = ProviderAccountsReadiness.of(accounts("MASIV/a", "UP 12 ms", "MASIV/b", "DOWN: connection refused"));
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("DOWN: connection refused", response.getData().orElseThrow().get("MASIV/b"));
    }

    @Test
    void withEveryAccountAwayNothingCouldBeSentAndTheNodeIsNotReady() {
        assertEquals(HealthCheckResponse.Status.DOWN,
                ProviderAccountsReadiness.of(accounts("MASIV/a", "DOWN: refused", "MASIV/b", "NOT_CHECKED: no adapter")).getStatus());
    }

    @Test
    void aGatewayWithNoAccountYetIsReady() {
        assertEquals(HealthCheckResponse.Status.UP, ProviderAccountsReadiness.of(Map.of()).getStatus());
    }
}
