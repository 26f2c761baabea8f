package com.smshub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import javax.crypto.KeyGenerator;

import org.junit.jupiter.api.Test;

/** A key rotation: what the previous key sealed still opens, and is sealed again under the new key. */
class ProviderSecretsTest {

    private static SecretBox box() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return new SecretBox(generator.generateKey());
    }

    @Test
    void whatThePreviousKeySealedOpensAndIsSealedAgainUnderTheNewOne() throws Exception {
        SecretBox old = box();
        SecretBox current = box();
        String sealedBefore = old.seal("pw", "acct");
        ProviderSecrets rotating = new ProviderSecrets(current, List.of(old));

        assertEquals("pw", rotating.open(sealedBefore, "acct"), "opened with the previous key");
        String again = rotating.resealed(sealedBefore, "acct");
        assertNotNull(again);
        assertEquals("pw", current.open(again, "acct"), "sealed again under the current key");
        assertNull(rotating.resealed(again, "acct"), "nothing to do for what the current key sealed");

        ProviderSecrets after = new ProviderSecrets(current, List.of());
        assertEquals("pw", after.open(again, "acct"), "the previous key can go");
        assertThrows(IllegalArgumentException.class, () -> after.open(sealedBefore, "acct"), "what was not sealed again no longer opens");
        assertThrows(IllegalArgumentException.class, () -> rotating.open(sealedBefore, "another-account"), "still bound to its account");
    }
}
