package com.smshub.tenant.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.SaltedSimpleDigestPassword;
import org.wildfly.security.password.spec.SaltedHashPasswordSpec;
import org.wildfly.security.password.util.ModularCrypt;

/** What the administration stores opens in Elytron exactly as the tenant realm checks it (smshub.cli's mappers). */
class CredentialsTest {

    private static final WildFlyElytronPasswordProvider ELYTRON = WildFlyElytronPasswordProvider.getInstance();

    @Test
    void aTenantsDigestIsElytronsSaltedSha512() throws Exception {
        String secret = Credentials.newSecret();
        Credentials.Digest digest = Credentials.digest(secret);
        PasswordFactory factory = PasswordFactory.getInstance(SaltedSimpleDigestPassword.ALGORITHM_PASSWORD_SALT_DIGEST_SHA_512, ELYTRON);
        Password stored = factory.generatePassword(new SaltedHashPasswordSpec(HexFormat.of().parseHex(digest.hash()),
                HexFormat.of().parseHex(digest.salt())));
        assertTrue(factory.verify(stored, secret.toCharArray()));
        assertFalse(factory.verify(stored, (secret + "x").toCharArray()));
        assertNotEquals(digest.salt(), Credentials.digest(secret).salt(), "a new salt each time");
    }

    @Test
    void anOperatorsPasswordIsBcryptInModularCryptFormat() throws Exception {
        String password = Credentials.newSecret();
        String crypt = Credentials.bcrypt(password);
        assertTrue(crypt.startsWith("$2a$12$"), crypt);
        Password stored = ModularCrypt.decode(crypt);
        PasswordFactory factory = PasswordFactory.getInstance(stored.getAlgorithm(), ELYTRON);
        assertTrue(factory.verify(factory.translate(stored), password.toCharArray()));
        assertFalse(factory.verify(factory.translate(stored), "wrong".toCharArray()));
    }

    @Test
    void secretsAreLongAndUrlSafe() {
        String secret = Credentials.newSecret();
        assertTrue(secret.matches("[A-Za-z0-9_-]{32}"), secret);
        assertNotEquals(secret, Credentials.newSecret());
    }
}
