package com.smshub.provider.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.smshub.provider.smspro.xml.MobilectrlSms;
import com.smshub.provider.smspro.xml.MtSms;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/** SMS Pro's message text goes in CDATA (section 14.4) and still reads back exactly as it was written. */
class CdataWritingTest {

    private final ProviderXml xml = ProviderXml.of(SmsProSchemas.VOCABULARY);

    @Test
    void plainTextIsOneCdataSection() throws Exception {
        String written = withMessage("Hello <friend> & \"you\"");

        assertTrue(written.contains("<message><![CDATA[Hello <friend> & \"you\"]]></message>"), written);
        assertTrue(written.startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"), written);
        assertEquals("Hello <friend> & \"you\"", readBack(written));
    }

    @Test
    void theEndMarkerAndCharactersOutsideLatin1LeaveTheSection() throws Exception {
        String text = "a]]>b \u263A c \uD83D\uDE00 åäö";
        String written = withMessage(text);

        assertTrue(written.contains("&#x263A;"), written);
        assertTrue(written.contains("&#x1F600;"), written);
        assertFalse(written.contains("\u263A"), written);
        assertTrue(written.contains("<![CDATA[ åäö]]>"), written);
        assertEquals(text, readBack(written));
    }

    @Test
    void otherElementsAreEscapedNotWrapped() throws Exception {
        String written = withMessage("x");

        assertTrue(written.contains("<customer_id>CUSTOMER</customer_id>"), written);
        assertFalse(written.contains("<![CDATA[CUSTOMER"), written);
    }

    private String withMessage(String text) throws Exception {
        MobilectrlSms request;
        try (InputStream in = getClass().getResourceAsStream("/examples/smspro/6.1-mt-text-sms.xml")) {
            request = xml.read(in, MobilectrlSms.class);
        }
        ((MtSms) request.getPayload().getSmsOrRawSms().get(0)).setMessage(text);
        return xml.write(request);
    }

    private String readBack(String written) {
        MobilectrlSms read = xml.read(new ByteArrayInputStream(written.getBytes(StandardCharsets.ISO_8859_1)), MobilectrlSms.class);
        return ((MtSms) read.getPayload().getSmsOrRawSms().get(0)).getMessage();
    }
}
