package com.smshub.provider.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.jsmpp.bean.OptionalParameter;

import com.smshub.kernel.Gsm7;
import com.smshub.kernel.SmsContent;

class SmppConnectionTest {

    private static SmppConnection.Submission of(SmsContent content, SmppSettings.Alphabet alphabet) {
        return SmppConnection.Submission.of(content, alphabet);
    }

    @Test
    void aGsmTextGoesAsSeptetsWithDataCodingZero() {
        SmppConnection.Submission submission = of(SmsContent.text("Hej {du}").build(), SmppSettings.Alphabet.GSM);
        assertEquals(0x00, submission.dataCoding().toByte());
        assertArrayEquals(Gsm7.encode("Hej {du}"), submission.shortMessage());
    }

    @Test
    void anSmscThatAsksForLatin1GetsIt() {
        SmppConnection.Submission submission = of(SmsContent.text("Räksmörgås").build(), SmppSettings.Alphabet.LATIN1);
        assertEquals(0x03, submission.dataCoding().toByte());
        assertArrayEquals("Räksmörgås".getBytes(StandardCharsets.ISO_8859_1), submission.shortMessage());
    }

    @Test
    void otherTextsGoAsUcs2() {
        SmppConnection.Submission submission = of(SmsContent.text("Привет").build(), SmppSettings.Alphabet.GSM);
        assertEquals(0x08, submission.dataCoding().toByte());
        assertEquals("Привет", new String(submission.shortMessage(), StandardCharsets.UTF_16BE));
    }

    @Test
    void aFlashMessageIsClassZero() {
        SmppConnection.Submission submission = of(SmsContent.text("Now").flash(true).build(), SmppSettings.Alphabet.GSM);
        assertEquals(0x10, submission.dataCoding().toByte() & 0x13, "message class present, class 0");
    }

    @Test
    void aTextBeyondOneSmsGoesWholeInMessagePayload() {
        String text = "x".repeat(141);
        SmppConnection.Submission submission = of(SmsContent.text(text).build(), SmppSettings.Alphabet.GSM);
        assertEquals(0, submission.shortMessage().length);
        OptionalParameter.Message_payload payload = (OptionalParameter.Message_payload) submission.optionalParameters()[0];
        assertArrayEquals(Gsm7.encode(text), payload.getValue());
    }

    @Test
    void binaryWithPortsCarriesAUserDataHeader() {
        SmppConnection.Submission submission = of(SmsContent.binary("CAFE").ports(5499, 0).build(), SmppSettings.Alphabet.GSM);
        assertEquals(0x40, submission.esmClass().value() & 0x40, "UDHI set");
        assertEquals(0x04, submission.dataCoding().toByte());
        assertArrayEquals(new byte[] {0x06, 0x05, 0x04, 0x15, 0x7B, 0x00, 0x00, (byte) 0xCA, (byte) 0xFE}, submission.shortMessage());
    }
}
