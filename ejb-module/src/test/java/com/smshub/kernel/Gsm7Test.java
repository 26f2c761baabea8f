package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Gsm7Test {

    @Test
    void basicCharactersAreTheirCodes() {
        assertArrayEquals(new byte[] {0x00, 0x41, 0x61, 0x5B, 0x7F, 0x0A}, Gsm7.encode("@Aaäà\n".replace("ä", "Ä")));
    }

    @Test
    void extensionCharactersGoAfterTheEscape() {
        assertArrayEquals(new byte[] {0x1B, 0x65, 0x1B, 0x28, 0x1B, 0x3C}, Gsm7.encode("€{["));
    }

    @Test
    void decodingGivesTheTextBack() {
        String text = "Räksmörgås för 10€ {ok} @ ¿Qué?";
        assertEquals(text, Gsm7.decode(Gsm7.encode(text)));
    }

    @Test
    void aCharacterOutsideTheAlphabetIsRefused() {
        assertFalse(Gsm7.covers("Привет"));
        assertTrue(Gsm7.covers("Hej då"));
        assertThrows(IllegalArgumentException.class, () -> Gsm7.encode("Привет"));
    }
}
