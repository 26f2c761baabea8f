package com.smshub.provider.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.smshub.provider.smpp.SmppIds.ReceiptIds;

class SmppIdsTest {

    @Test
    void caseSpacesAndLeadingZerosDoNotMatter() {
        assertEquals("1a2b", SmppIds.ofSubmit(" 001A2B "));
        assertEquals(SmppIds.ofSubmit("001A2B"), SmppIds.ofReceipt("1a2b", ReceiptIds.SAME));
        assertEquals("0", SmppIds.ofSubmit("0000"));
    }

    @Test
    void aReceiptInDecimalMeetsASubmitAnswerInHex() {
        assertEquals(SmppIds.ofSubmit("0000FF10"), SmppIds.ofReceipt("65296", ReceiptIds.DECIMAL_IN_RECEIPTS));
    }

    @Test
    void aReceiptInHexMeetsASubmitAnswerInDecimal() {
        assertEquals(SmppIds.ofSubmit("65296"), SmppIds.ofReceipt("ff10", ReceiptIds.HEX_IN_RECEIPTS));
        assertEquals(SmppIds.ofSubmit("65296"), SmppIds.ofReceipt("0000FF10", ReceiptIds.HEX_IN_RECEIPTS));
    }

    @Test
    void anIdNotInTheExpectedBaseIsMatchedAsItIs() {
        assertEquals("msg-7", SmppIds.ofReceipt("MSG-7", ReceiptIds.DECIMAL_IN_RECEIPTS));
    }
}
