package com.smshub.kernel;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Message ids: time-ordered UUIDs (version 7, RFC 9562), the creation millisecond then 74 random bits. Ids
 * made at about the same time sort together, so the indexes keyed by message id grow at their right-hand
 * edge like a sequence instead of touching a random page for every insert (random version 4 UUIDs made
 * the database's index writes the largest part of storing a batch). The random bits come from a
 * {@link SecureRandom} (a DRBG per thread, so that acceptance threads do not queue on one lock): an id is not
 * what authorises anything (a message is reached only by its tenant, a provider's push only with its account's
 * key and the message's token), but nobody should be able to guess the next one from the last.
 */
public final class MessageIds {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(MessageIds::drbg);

    private MessageIds() {
    }

    public static String next() {
        return of(System.currentTimeMillis(), RANDOM.get()).toString();
    }

    static UUID of(long epochMillis, Random random) {
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** When a message of this id was accepted (its id's millisecond), or empty for an id not made here. */
    public static Optional<Instant> acceptedAt(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.version() == 7 ? Optional.of(Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16)) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
