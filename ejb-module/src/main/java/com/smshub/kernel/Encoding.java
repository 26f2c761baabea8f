package com.smshub.kernel;

/** How a message is encoded on the air interface, and what one segment holds. */
public enum Encoding {
    /** GSM 03.38 default alphabet, septets; extension characters take two. */
    GSM7(160, 153),
    /** UCS-2, UTF-16 code units. */
    UCS2(70, 67),
    /** 8-bit data, octets (user data header included). */
    BINARY(140, 134);

    private final int single;
    private final int perSegment;

    Encoding(int single, int perSegment) {
        this.single = single;
        this.perSegment = perSegment;
    }

    /** Units that fit in a message sent alone. */
    public int single() {
        return single;
    }

    /** Units per segment of a concatenated message (the rest holds the concatenation header). */
    public int perSegment() {
        return perSegment;
    }
}
