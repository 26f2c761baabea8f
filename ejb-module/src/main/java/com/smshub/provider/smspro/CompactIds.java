package com.smshub.provider.smspro;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * Our message id as SMS Pro's {@code request_id} (ASCII, max 30 characters, table 1): the UUID's 16 bytes
 * in URL-safe base64, 22 characters. It lets a duplicate sent after a crash be recognised as one message.
 */
public final class CompactIds {

    private CompactIds() {
    }

    public static String of(String messageId) {
        UUID uuid = UUID.fromString(messageId);
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    public static String messageId(String compact) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(compact.strip()));
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }
}
