package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void anIdIsAVersionSevenUuidCarryingItsMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(MessageIds.next());
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, "timestamp " + millis + " outside " + before + ".." + after);
    }

    @Test
    void anIdTellsWhenItsMessageWasAcceptedAndAnIdFromElsewhereDoesNot() {
        long before = System.currentTimeMillis();
        long accepted = MessageIds.acceptedAt(MessageIds.next()).orElseThrow().toEpochMilli();
        assertTrue(accepted >= before && accepted <= System.currentTimeMillis());
        assertTrue(MessageIds.acceptedAt(UUID.randomUUID().toString()).isEmpty(), "a version 4 UUID carries no time");
        assertTrue(MessageIds.acceptedAt("not-an-id").isEmpty());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsText() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 1000; i++) {
            long t = random.nextLong(1L << 47);
            String earlier = MessageIds.of(t, random).toString();
            String later = MessageIds.of(t + 1 + random.nextInt(1000), random).toString();
            assertTrue(earlier.compareTo(later) < 0, earlier + " should sort before " + later);
        }
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(MessageIds.of(1_700_000_000_000L, random));
        }
        assertEquals(100_000, seen.size());
        assertNotEquals(MessageIds.next(), MessageIds.next());
    }
}
