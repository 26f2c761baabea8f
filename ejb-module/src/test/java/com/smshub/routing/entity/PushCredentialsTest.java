package com.smshub.routing.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.AddressRange;

class PushCredentialsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @Test
    void theKeyBeforeARotationIsTakenForADayOnly() {
        PushCredentials fresh = new PushCredentials("new", "old", NOW.minusHours(1), null, null, List.of());
        assertTrue(fresh.keyMatches("new"));
        assertTrue(fresh.keyMatches("old"), "what the provider still sends to the old addresses");
        assertFalse(fresh.keyMatches("older"));
        assertFalse(fresh.keyMatches(null));
        PushCredentials stale = new PushCredentials("new", "old", NOW.minusHours(25), null, null, List.of());
        assertFalse(stale.keyMatches("old"));
        assertFalse(new PushCredentials(null, null, null, null, null, List.of()).keyMatches(""), "no key, no push");
    }

    @Test
    void basicAndSourceAreAskedForOnlyWhereSet() {
        PushCredentials open = new PushCredentials("k", null, null, null, null, List.of());
        assertTrue(open.basicMatches(null, null));
        assertTrue(open.allows("198.51.100.7"));
        PushCredentials strict = new PushCredentials("k", null, null, "smspro", "secret", AddressRange.parseAll("203.0.113.0/24"));
        assertTrue(strict.basicMatches("smspro", "secret"));
        assertFalse(strict.basicMatches("smspro", "Secret"));
        assertFalse(strict.basicMatches(null, null));
        assertTrue(strict.allows("203.0.113.9"));
        assertFalse(strict.allows("198.51.100.7"));
    }
}
