package com.smshub.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a text, in hex: what tells a repeated request or delivery from a new one. */
public final class Digests {

    private Digests() {
    }

    /** The digest of the text's UTF-8 octets, its first {@code octets} octets in lower-case hex. */
    public static String sha256Hex(String text, int octets) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, octets);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text, 32);
    }
}
