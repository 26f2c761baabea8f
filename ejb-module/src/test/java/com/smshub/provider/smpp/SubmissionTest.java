package com.smshub.provider.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.jsmpp.bean.OptionalParameter;

import com.smshub.kernel.Gsm7;
import com.smshub.kernel.SmsContent;

class SubmissionTest {

    private static Submission of(SmsContent content, SmppSettings.Alphabet alphabet) {
        List<Submission> parts = parts(content, alphabet, SmppSettings.LongMessages.UDH);
        assertEquals(1, parts.size());
        return parts.get(0);
    }

    private static List<Submission> parts(SmsContent content, SmppSettings.Alphabet alphabet, SmppSettings.LongMessages mode) {
        return Submission.of(content, alphabet, mode, 0x2A);
    }

    @Test
    void aGsmTextGoesAsSeptetsWithDataCodingZero() {
        Submission submission = of(SmsContent.text("Hej {du}").build(), SmppSettings.Alphabet.GSM);
        assertEquals(0x00, submission.dataCoding().toByte());
        assertArrayEquals(Gsm7.encode("Hej {du}"), submission.shortMessage());
    }

    @Test
    void aGsmTextOf160CharactersIsOneSms() {
        Submission submission = of(SmsContent.text("x".repeat(160)).build(), SmppSettings.Alphabet.GSM);
        assertEquals(160, submission.shortMessage().length);
        assertEquals(0, submission.optionalParameters().length);
    }

    @Test
    void anSmscThatAsksForLatin1GetsIt() {
        Submission submission = of(SmsContent.text("Räksmörgås").build(), SmppSettings.Alphabet.LATIN1);
        assertEquals(0x03, submission.dataCoding().toByte());
        assertArrayEquals("Räksmörgås".getBytes(StandardCharsets.ISO_8859_1), submission.shortMessage());
    }

    @Test
    void otherTextsGoAsUcs2() {
        Submission submission = of(SmsContent.text("Привет").build(), SmppSettings.Alphabet.GSM);
        assertEquals(0x08, submission.dataCoding().toByte());
        assertEquals("Привет", new String(submission.shortMessage(), StandardCharsets.UTF_16BE));
    }

    @Test
    void aFlashMessageIsClassZero() {
        Submission submission = of(SmsContent.text("Now").flash(true).build(), SmppSettings.Alphabet.GSM);
        assertEquals(0x10, submission.dataCoding().toByte() & 0x13, "message class present, class 0");
    }

    @Test
    void aLongTextGoesInPartsWithAConcatenationHeader() {
        String text = "x".repeat(161);
        List<Submission> parts = parts(SmsContent.text(text).build(), SmppSettings.Alphabet.GSM, SmppSettings.LongMessages.UDH);
        assertEquals(2, parts.size());
        for (int i = 0; i < 2; i++) {
            Submission part = parts.get(i);
            assertEquals(0x40, part.esmClass().value() & 0x40, "UDHI set");
            assertArrayEquals(new byte[] {0x05, 0x00, 0x03, 0x2A, 0x02, (byte) (i + 1)}, Arrays.copyOf(part.shortMessage(), 6));
        }
        assertEquals(6 + 153, parts.get(0).shortMessage().length);
        assertEquals(6 + 8, parts.get(1).shortMessage().length);
        assertEquals(text, Gsm7.decode(bodies(parts, 6)));
    }

    @Test
    void aPartNeverEndsBetweenAnEscapeAndItsCharacter() {
        String text = "x".repeat(152) + "€" + "y".repeat(10);
        List<Submission> parts = parts(SmsContent.text(text).build(), SmppSettings.Alphabet.GSM, SmppSettings.LongMessages.UDH);
        assertEquals(6 + 152, parts.get(0).shortMessage().length, "the euro sign's escape moved to the next part");
        assertEquals(text, Gsm7.decode(bodies(parts, 6)));
    }

    @Test
    void aUcs2PartNeverSplitsASurrogatePair() {
        String text = "я".repeat(66) + "😀" + "я".repeat(10);
        List<Submission> parts = parts(SmsContent.text(text).build(), SmppSettings.Alphabet.GSM, SmppSettings.LongMessages.UDH);
        assertEquals(6 + 132, parts.get(0).shortMessage().length);
        assertEquals(text, new String(bodies(parts, 6), StandardCharsets.UTF_16BE));
    }

    @Test
    void sarPartsCarryTheirPlaceInTlvs() {
        List<Submission> parts = parts(SmsContent.text("Räksmörgås ".repeat(20)).build(), SmppSettings.Alphabet.LATIN1,
                SmppSettings.LongMessages.SAR);
        assertEquals(2, parts.size());
        Submission second = parts.get(1);
        assertEquals(0, second.esmClass().value() & 0x40, "no UDHI");
        assertEquals(0x2A, ((OptionalParameter.Sar_msg_ref_num) second.optionalParameters()[0]).getValue());
        assertEquals(2, ((OptionalParameter.Sar_total_segments) second.optionalParameters()[1]).getValue());
        assertEquals(2, ((OptionalParameter.Sar_segment_seqnum) second.optionalParameters()[2]).getValue());
        assertEquals("Räksmörgås ".repeat(20), new String(bodies(parts, 0), StandardCharsets.ISO_8859_1));
    }

    @Test
    void anAccountThatAsksForMessagePayloadGetsTheWholeTextInOneSubmit() {
        String text = "x".repeat(400);
        List<Submission> parts = parts(SmsContent.text(text).build(), SmppSettings.Alphabet.GSM, SmppSettings.LongMessages.PAYLOAD);
        assertEquals(1, parts.size());
        assertEquals(0, parts.get(0).shortMessage().length);
        OptionalParameter.Message_payload payload = (OptionalParameter.Message_payload) parts.get(0).optionalParameters()[0];
        assertArrayEquals(Gsm7.encode(text), payload.getValue());
    }

    @Test
    void binaryWithPortsCarriesAUserDataHeader() {
        Submission submission = of(SmsContent.binary("CAFE").ports(5499, 0).build(), SmppSettings.Alphabet.GSM);
        assertEquals(0x40, submission.esmClass().value() & 0x40, "UDHI set");
        assertEquals(0x04, submission.dataCoding().toByte());
        assertArrayEquals(new byte[] {0x06, 0x05, 0x04, 0x15, 0x7B, 0x00, 0x00, (byte) 0xCA, (byte) 0xFE}, submission.shortMessage());
    }

    @Test
    void timesAreWrittenInSmppsFormat() {
        assertEquals("261224183005000+", SmppTime.absolute(java.time.OffsetDateTime.parse("2026-12-24T19:30:05.04+01:00")));
        assertEquals("000001020300000R", SmppTime.relative(1440 + 2 * 60 + 3));
        assertEquals("000000010000000R", SmppTime.relative(60));
        assertTrue(SmppTime.relative(null) == null && SmppTime.absolute(null) == null);
        // validity: relative when sent now, from the scheduled time (absolute) when scheduled
        assertEquals("000000013000000R", SmppTime.validity(null, 90));
        assertEquals("261224200005000+", SmppTime.validity(java.time.OffsetDateTime.parse("2026-12-24T19:30:05+01:00"), 90));
        assertTrue(SmppTime.validity(java.time.OffsetDateTime.now(), null) == null);
    }

    private static byte[] bodies(List<Submission> parts, int header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Submission part : parts) {
            out.write(part.shortMessage(), header, part.shortMessage().length - header);
        }
        return out.toByteArray();
    }
}
