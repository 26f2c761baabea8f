package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SegmentationTest {

    @Test
    void plainGsmUpTo160IsOneSegment() {
        assertEquals(new Segmentation(Encoding.GSM7, 160, 1), Segmentation.ofText("a".repeat(160)));
        assertEquals(new Segmentation(Encoding.GSM7, 161, 2), Segmentation.ofText("a".repeat(161)));
        assertEquals(new Segmentation(Encoding.GSM7, 306, 2), Segmentation.ofText("a".repeat(306)));
        assertEquals(new Segmentation(Encoding.GSM7, 307, 3), Segmentation.ofText("a".repeat(307)));
    }

    @Test
    void swedishLettersAreInTheDefaultAlphabet() {
        assertEquals(Encoding.GSM7, Segmentation.ofText("Räksmörgås ÅÄÖ").encoding(), "SMS Pro 12.2's test word");
    }

    @Test
    void extensionCharactersCountTwice() {
        assertEquals(new Segmentation(Encoding.GSM7, 160, 1), Segmentation.ofText("€".repeat(80)));
        assertEquals(new Segmentation(Encoding.GSM7, 162, 2), Segmentation.ofText("€".repeat(81)));
    }

    @Test
    void escapePairIsNeverSplitAcrossSegments() {
        // 152 plain septets, then '{' (2 septets) does not fit in 153: it opens the second segment
        String text = "a".repeat(152) + "{" + "b".repeat(10);
        Segmentation s = Segmentation.ofText(text);
        assertEquals(Encoding.GSM7, s.encoding());
        assertEquals(164, s.units());
        assertEquals(2, s.segments());
        assertEquals(3, Segmentation.ofText("a".repeat(152) + "{" + "b".repeat(151) + "c").segments(),
                "152 + (2 + 151) fills two segments, the last septet needs a third");
    }

    @Test
    void anyOtherCharacterMeansUcs2() {
        assertEquals(new Segmentation(Encoding.UCS2, 70, 1), Segmentation.ofText("ж".repeat(70)));
        assertEquals(new Segmentation(Encoding.UCS2, 71, 2), Segmentation.ofText("ж".repeat(71)));
        assertEquals(new Segmentation(Encoding.UCS2, 134, 2), Segmentation.ofText("ж".repeat(134)));
        assertEquals(3, Segmentation.ofText("ж".repeat(135)).segments());
    }

    @Test
    void surrogatePairIsNeverSplit() {
        // 66 units, then a 2-unit emoji does not fit in 67: it moves to the second segment
        String text = "ж".repeat(66) + "\uD83D\uDC4D" + "ж".repeat(10);
        Segmentation s = Segmentation.ofText(text);
        assertEquals(78, s.units());
        assertEquals(2, s.segments());
        assertEquals(3, Segmentation.ofText("ж".repeat(66) + "\uD83D\uDC4D" + "ж".repeat(65) + "ж").segments());
    }

    @Test
    void binaryCountsOctets() {
        assertEquals(new Segmentation(Encoding.BINARY, 140, 1), Segmentation.ofBinary(140));
        assertEquals(new Segmentation(Encoding.BINARY, 141, 2), Segmentation.ofBinary(141));
        assertEquals(new Segmentation(Encoding.BINARY, 268, 2), Segmentation.ofBinary(268));
        assertEquals(3, Segmentation.ofBinary(269).segments());
    }
}
