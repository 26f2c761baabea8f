package com.smshub.simulator;

import java.io.ByteArrayOutputStream;

/**
 * Texts as GSM 03.38 default-alphabet septets, one an octet, as an SMSC writes them for data_coding 0. The
 * simulators' own table, written from 3GPP TS 23.038 and not shared with the gateway: a mistake in the
 * gateway's decoding then shows in the tests instead of cancelling out.
 */
public final class GsmSeptets {

    /** Code order 0x00-0x7F; 0x1B escapes to the extension table. */
    private static final String TABLE = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENDED = "\f^{}\\[~]|€";
    private static final int[] EXTENDED_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private GsmSeptets() {
    }

    /** @throws IllegalArgumentException for a character the alphabet lacks */
    public static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : text.toCharArray()) {
            int code = c == 0x1B ? -1 : TABLE.indexOf(c);
            if (code >= 0) {
                out.write(code);
            } else if (EXTENDED.indexOf(c) >= 0) {
                out.write(0x1B);
                out.write(EXTENDED_CODES[EXTENDED.indexOf(c)]);
            } else {
                throw new IllegalArgumentException("'" + c + "' is not in the GSM default alphabet");
            }
        }
        return out.toByteArray();
    }
}
