package com.smshub.kernel;

/**
 * The encoding a text needs and how many SMS segments it takes. GSM 03.38 when every character is in the
 * default alphabet or its extension table (an extension character is sent as escape plus character and
 * counts twice, and the pair is never split across segments); UCS-2 otherwise, where a surrogate pair is
 * never split either. Binary content counts octets.
 */
public record Segmentation(Encoding encoding, int units, int segments) {

    public static Segmentation ofText(String text) {
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            gsm = Gsm7.septets(text.charAt(i)) > 0;
        }
        return gsm ? gsm7(text) : ucs2(text);
    }

    public static Segmentation ofBinary(int octets) {
        int segments = octets <= Encoding.BINARY.single() ? 1
                : (octets + Encoding.BINARY.perSegment() - 1) / Encoding.BINARY.perSegment();
        return new Segmentation(Encoding.BINARY, octets, segments);
    }

    private static Segmentation gsm7(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += Gsm7.septets(text.charAt(i));
        }
        if (total <= Encoding.GSM7.single()) {
            return new Segmentation(Encoding.GSM7, total, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int septets = Gsm7.septets(text.charAt(i));
            if (used + septets > Encoding.GSM7.perSegment()) {
                segments++;
                used = 0;
            }
            used += septets;
        }
        return new Segmentation(Encoding.GSM7, total, segments);
    }

    private static Segmentation ucs2(String text) {
        int total = text.length();
        if (total <= Encoding.UCS2.single()) {
            return new Segmentation(Encoding.UCS2, total, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int units = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + units > Encoding.UCS2.perSegment()) {
                segments++;
                used = 0;
            }
            used += units;
            i += units - 1;
        }
        return new Segmentation(Encoding.UCS2, total, segments);
    }
}
