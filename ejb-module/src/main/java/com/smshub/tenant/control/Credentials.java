package com.smshub.tenant.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * New credentials as the tenant realm checks them (server-module smshub.cli): a tenant's secret is generated machine
 * credentials stored as a salted SHA-512 digest (Elytron's password-salt-digest-sha-512: the UTF-8 secret followed
 * by the salt's bytes, both hex in the table); an operator's password is bcrypt in Modular Crypt Format. Only the
 * digest or the hash is kept: the secret itself is shown once, to the operator who asked for it.
 */
public final class Credentials {

    /** 24 random bytes: 192 bits, 32 characters of URL-safe Base64. */
    static final int SECRET_BYTES = 24;
    static final int SALT_BYTES = 16;
    /** bcrypt's cost for operators' passwords: 2^12 rounds, a quarter of a second to check, cached by the realm. */
    static final int BCRYPT_COST = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A tenant's stored digest and salt, hex. */
    public record Digest(String hash, String salt) {
    }

    private Credentials() {
    }

    /** A new secret: random, URL-safe, no padding. */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The digest of a tenant's secret with a new salt. */
    public static Digest digest(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Digest(digest(secret, salt), HexFormat.of().formatHex(salt));
    }

    static String digest(String secret, byte[] salt) {
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            sha512.update(secret.getBytes(StandardCharsets.UTF_8));
            sha512.update(salt);
            return HexFormat.of().formatHex(sha512.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }

    /** An operator's password as bcrypt in Modular Crypt Format ({@code $2a$12$...}). */
    public static String bcrypt(String password) {
        try {
            byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
            RANDOM.nextBytes(salt);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                    WildFlyElytronPasswordProvider.getInstance());
            BCryptPassword hashed = (BCryptPassword) factory.generatePassword(new EncryptablePasswordSpec(password.toCharArray(),
                    new IteratedSaltedPasswordAlgorithmSpec(BCRYPT_COST, salt)));
            return ModularCrypt.encodeAsString(hashed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bcrypt is not available", e);
        }
    }
}
