package com.smshub.kernel;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet and its extension table: which characters it holds, and a text as unpacked
 * septets, one octet each (SMPP's data_coding 0); an extension character goes as escape (0x1B) and its code.
 */
public final class Gsm7 {

    /** The default alphabet, in code order 0x00-0x7F (0x1B is the escape to the extension table). */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table's characters and, at the same index, their codes after the escape. */
    private static final String EXTENSION = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    private static final int ESCAPE = 0x1B;

    private Gsm7() {
    }

    /** Septets a character takes: 1 in the default alphabet, 2 in the extension table, 0 when it is in neither. */
    public static int septets(char c) {
        if (c != ESCAPE && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }

    /** Whether every character of the text is in the alphabet or its extension. */
    public static boolean covers(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text as unpacked septets.
     *
     * @throws IllegalArgumentException for a character outside the alphabet (check with {@link #covers})
     */
    public static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int extension = EXTENSION.indexOf(c);
            if (extension < 0) {
                throw new IllegalArgumentException("'" + c + "' is not in the GSM 03.38 alphabet");
            }
            out.write(ESCAPE);
            out.write(EXTENSION_CODES[extension]);
        }
        return out.toByteArray();
    }

    /** Unpacked septets as text; an unknown extension code reads as a space, as handsets show it. */
    public static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0x7F;
            if (code == ESCAPE && i + 1 < septets.length) {
                int next = septets[++i] & 0x7F;
                char found = ' ';
                for (int k = 0; k < EXTENSION_CODES.length; k++) {
                    if (EXTENSION_CODES[k] == next) {
                        found = EXTENSION.charAt(k);
                    }
                }
                text.append(found);
            } else {
                text.append(BASIC.charAt(code));
            }
        }
        return text.toString();
    }
}
