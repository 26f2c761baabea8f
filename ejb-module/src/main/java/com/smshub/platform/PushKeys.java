package com.smshub.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Push keys: 32 random octets from {@link SecureRandom}, URL-safe Base64, so they stand in an address as they
 * are. Sealed like the account's secret, bound to the account's name and to what they are (a sealed key cannot
 * be passed off as the account's password, nor the reverse).
 */
public final class PushKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PushKeys() {
    }

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** What a push key is sealed for. */
    public static String sealedFor(String accountName) {
        return accountName + "#push-key";
    }

    /** What a push password is sealed for. */
    public static String passwordSealedFor(String accountName) {
        return accountName + "#push-password";
    }
}
