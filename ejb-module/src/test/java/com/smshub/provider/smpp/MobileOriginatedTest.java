package com.smshub.provider.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;

import com.smshub.kernel.Gsm7;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.ProviderEvents.Concatenation;

class MobileOriginatedTest {

    private static DeliverSm pdu(int esmClass, int dataCoding, byte[] octets) {
        DeliverSm pdu = new DeliverSm();
        pdu.setSourceAddrTon(TypeOfNumber.INTERNATIONAL.value());
        pdu.setSourceAddr("4791234567");
        pdu.setDestAddress("2020");
        pdu.setEsmClass((byte) esmClass);
        pdu.setDataCoding((byte) dataCoding);
        pdu.setShortMessage(octets);
        return pdu;
    }

    @Test
    void aGsmTextFromASubscriberIsDecodedWithItsNumberInE164() {
        MobileOriginated message = MobileOriginated.of(pdu(0, 0, Gsm7.encode("STOP {alt}")), 7);
        assertEquals("STOP {alt}", message.text());
        assertEquals("+4791234567", message.from());
        assertEquals("2020", message.to());
        assertNull(message.part());
    }

    @Test
    void latin1Ucs2AndBinaryAreTakenAsTheirDataCodingSays() {
        assertEquals("Räksmörgås", MobileOriginated.of(pdu(0, 3, "Räksmörgås".getBytes(StandardCharsets.ISO_8859_1)), 7).text());
        assertEquals("Привет", MobileOriginated.of(pdu(0, 8, "Привет".getBytes(StandardCharsets.UTF_16BE)), 7).text());
        MobileOriginated binary = MobileOriginated.of(pdu(0, 4, new byte[] {(byte) 0xCA, (byte) 0xFE}), 7);
        assertNull(binary.text());
        assertEquals("cafe", binary.binaryHex());
    }

    @Test
    void aPartNamesItsPlaceByItsHeaderAndLosesTheHeader() {
        byte[] octets = new byte[] {0x05, 0x00, 0x03, 0x11, 0x03, 0x02, 'h', 'e', 'j'};
        MobileOriginated part = MobileOriginated.of(pdu(0x40, 0, octets), 7);
        assertEquals(new Concatenation(0x11, 3, 2), part.part());
        assertEquals("hej", part.text());
        assertEquals(new Concatenation(0x1234, 2, 1), MobileOriginated.ofHeader(new byte[] {0x08, 0x04, 0x12, 0x34, 0x02, 0x01}));
    }

    @Test
    void aPartNamesItsPlaceBySarTlvs() {
        DeliverSm pdu = pdu(0, 0, Gsm7.encode("tail"));
        pdu.setOptionalParameters(new OptionalParameter.Sar_msg_ref_num((short) 300),
                new OptionalParameter.Sar_total_segments((byte) 2), new OptionalParameter.Sar_segment_seqnum((byte) 2));
        assertEquals(new Concatenation(300, 2, 2), MobileOriginated.of(pdu, 7).part());
    }

    @Test
    void theSamePduAgainHasTheSameContentKeyOnTheSameAccountOnly() {
        byte[] octets = Gsm7.encode("YES");
        String id = MobileOriginated.of(pdu(0, 0, octets), 7).id();
        assertTrue(id.startsWith(InboundMessage.BY_CONTENT), id);
        assertEquals(id, MobileOriginated.of(pdu(0, 0, octets), 7).id(), "the window is the store's (InboundStoreIT)");
        assertNotEquals(id, MobileOriginated.of(pdu(0, 0, Gsm7.encode("NO")), 7).id(), "other words");
        assertNotEquals(id, MobileOriginated.of(pdu(0, 0, octets), 8).id(), "another account");
    }
}
