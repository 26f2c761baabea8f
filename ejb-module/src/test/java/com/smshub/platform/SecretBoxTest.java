package com.smshub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;

/** Provider secrets sealed for the database. */
class SecretBoxTest {

    private static SecretKey key() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    @Test
    void aSealedSecretOpensWithItsKeyForItsAccountOnly() throws Exception {
        SecretBox box = new SecretBox(key());
        String sealed = box.seal("xxxxxxxx", "smspro-simulator");
        assertFalse(sealed.contains("xxxxxxxx"));
        assertEquals("xxxxxxxx", box.open(sealed, "smspro-simulator"));
        assertNotEquals(sealed, box.seal("xxxxxxxx", "smspro-simulator"), "a fresh nonce each time");
        assertThrows(IllegalArgumentException.class, () -> box.open(sealed, "another-account"),
                "copied onto another account's row, it does not open");
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(key()).open(sealed, "smspro-simulator"),
                "nor with another key");
        assertThrows(IllegalArgumentException.class, () -> box.open("xxxxxxxx", "smspro-simulator"), "plain text is not sealed");
    }

    @Test
    void aSealedSettingOpensForItsAccountAndSettingOnly() throws Exception {
        SecretBox box = new SecretBox(key());
        String sealed = box.seal("Appendix-1", ProviderSecrets.settingSealedFor("smspro-simulator", "basicPassword"));
        assertEquals("Appendix-1", box.open(sealed, ProviderSecrets.settingSealedFor("smspro-simulator", "basicPassword")));
        assertThrows(IllegalArgumentException.class,
                () -> box.open(sealed, ProviderSecrets.settingSealedFor("another-account", "basicPassword")),
                "copied into another account's settings, it does not open");
        assertThrows(IllegalArgumentException.class,
                () -> box.open(sealed, ProviderSecrets.settingSealedFor("smspro-simulator", "anotherSecret")),
                "nor as another setting of the same account");
        assertThrows(IllegalArgumentException.class, () -> box.open(sealed, "smspro-simulator"),
                "nor as the account's own password");
        String password = box.seal("pw", "smspro-simulator");
        assertThrows(IllegalArgumentException.class,
                () -> box.open(password, ProviderSecrets.settingSealedFor("smspro-simulator", "basicPassword")),
                "and the account's password does not open as a setting");
    }
}
