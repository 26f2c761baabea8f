package com.smshub.gateway.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class XmlRequestCharsetTest {

    private static String of(byte[] body) {
        return XmlRequestCharset.charsetOf(body, Math.min(body.length, XmlRequestCharset.PREFIX));
    }

    private static String of(String body) {
        return of(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void withoutADeclarationTheBodyIsUtf8() {
        assertEquals("UTF-8", of("<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body/></Envelope>"));
        assertEquals("UTF-8", of("<?xml version=\"1.0\"?><Envelope/>"), "a declaration without an encoding");
        assertEquals("UTF-8", of(""));
    }

    @Test
    void theDeclarationsEncodingIsRead() {
        assertEquals("ISO-8859-1", of("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Envelope/>"));
        assertEquals("windows-1252", of("<?xml version='1.0' encoding='windows-1252' standalone='yes'?><Envelope/>"));
        assertEquals("UTF-8", of("<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope/>"));
    }

    @Test
    void anEncodingThisJavaDoesNotKnowIsReadAsUtf8ForTheParserToJudge() {
        assertEquals("UTF-8", of("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><Envelope/>"));
    }

    @Test
    void anEncodingOutsideTheDeclarationIsNotTakenForIt() {
        assertEquals("UTF-8", of("<Envelope><Body><text>encoding=\"ISO-8859-1\"</text></Body></Envelope>"));
        assertEquals("UTF-8", of("  <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"), "not at the start: no declaration");
    }

    @Test
    void byteOrderMarksAndUtf16AreRecognised() {
        assertEquals("UTF-8", of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', '?', 'x'}));
        assertEquals("UTF-16BE", of(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '<'}));
        assertEquals("UTF-16LE", of(new byte[] {(byte) 0xFF, (byte) 0xFE, '<', 0}));
        assertEquals("UTF-16BE", of("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.UTF_16BE)));
        assertEquals("UTF-16LE", of("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.UTF_16LE)));
    }
}
