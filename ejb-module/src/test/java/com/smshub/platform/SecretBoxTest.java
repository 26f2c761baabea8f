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
}
