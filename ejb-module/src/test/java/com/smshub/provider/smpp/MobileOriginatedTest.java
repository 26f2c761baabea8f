package com.smshub.provider.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;

import com.smshub.kernel.Gsm7;
import com.smshub.provider.spi.ProviderEvents.Concatenation;

class MobileOriginatedTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T10:00:00Z");

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
        MobileOriginated message = MobileOriginated.of(pdu(0, 0, Gsm7.encode("STOP {alt}")), 7, NOW);
        assertEquals("STOP {alt}", message.text());
        assertEquals("+4791234567", message.from());
        assertEquals("2020", message.to());
        assertNull(message.part());
    }

    @Test
    void latin1Ucs2AndBinaryAreTakenAsTheirDataCodingSays() {
        assertEquals("Räksmörgås", MobileOriginated.of(pdu(0, 3, "Räksmörgås".getBytes(StandardCharsets.ISO_8859_1)), 7, NOW).text());
        assertEquals("Привет", MobileOriginated.of(pdu(0, 8, "Привет".getBytes(StandardCharsets.UTF_16BE)), 7, NOW).text());
        MobileOriginated binary = MobileOriginated.of(pdu(0, 4, new byte[] {(byte) 0xCA, (byte) 0xFE}), 7, NOW);
        assertNull(binary.text());
        assertEquals("cafe", binary.binaryHex());
    }

    @Test
    void aPartNamesItsPlaceByItsHeaderAndLosesTheHeader() {
        byte[] octets = new byte[] {0x05, 0x00, 0x03, 0x11, 0x03, 0x02, 'h', 'e', 'j'};
        MobileOriginated part = MobileOriginated.of(pdu(0x40, 0, octets), 7, NOW);
        assertEquals(new Concatenation(0x11, 3, 2), part.part());
        assertEquals("hej", part.text());
        assertEquals(new Concatenation(0x1234, 2, 1), MobileOriginated.ofHeader(new byte[] {0x08, 0x04, 0x12, 0x34, 0x02, 0x01}));
    }

    @Test
    void aPartNamesItsPlaceBySarTlvs() {
        DeliverSm pdu = pdu(0, 0, Gsm7.encode("tail"));
        pdu.setOptionalParameters(new OptionalParameter.Sar_msg_ref_num((short) 300),
                new OptionalParameter.Sar_total_segments((byte) 2), new OptionalParameter.Sar_segment_seqnum((byte) 2));
        assertEquals(new Concatenation(300, 2, 2), MobileOriginated.of(pdu, 7, NOW).part());
    }

    @Test
    void theSamePduAgainIsTheSameMessageButNotTenMinutesLater() {
        byte[] octets = Gsm7.encode("YES");
        String id = MobileOriginated.of(pdu(0, 0, octets), 7, NOW).id();
        assertEquals(id, MobileOriginated.of(pdu(0, 0, octets), 7, NOW.plusSeconds(30)).id());
        assertNotEquals(id, MobileOriginated.of(pdu(0, 0, octets), 7, NOW.plusMinutes(10)).id());
        assertNotEquals(id, MobileOriginated.of(pdu(0, 0, octets), 8, NOW).id(), "another account");
    }
}
