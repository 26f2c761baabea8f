package com.smshub.sending.control;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message ids: time-ordered UUIDs (version 7, RFC 9562), the creation millisecond then 74 random bits. Ids
 * made at about the same time sort together, so the indexes keyed by message id grow at their right-hand
 * edge like a sequence instead of touching a random page for every insert (random version 4 UUIDs made
 * the database's index writes the largest part of storing a batch). They are not secrets: a message is
 * reached only by its tenant, and a provider's callback only with its token.
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static String next() {
        return of(System.currentTimeMillis(), ThreadLocalRandom.current()).toString();
    }

    static UUID of(long epochMillis, ThreadLocalRandom random) {
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
