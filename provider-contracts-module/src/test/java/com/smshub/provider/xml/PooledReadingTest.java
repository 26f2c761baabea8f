package com.smshub.provider.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.smshub.provider.smspro.xml.MobilectrlSms;
import com.smshub.provider.smspro.xml.MtSms;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/** Parsers, validators and unmarshallers are pooled: a failed read spoils nothing, threads never share one. */
class PooledReadingTest {

    private final ProviderXml xml = ProviderXml.of(SmsProSchemas.VOCABULARY);

    private static String example(String name) throws IOException {
        try (InputStream in = PooledReadingTest.class.getResourceAsStream("/examples/smspro/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String text(MobilectrlSms sms) {
        return ((MtSms) sms.getPayload().getSmsOrRawSms().get(0)).getMessage();
    }

    @Test
    void brokenDocumentsLeaveThePoolUsable() throws Exception {
        String good = example("6.1-mt-text-sms.xml");
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidProviderXmlException.class, () -> xml.read("<mobilectrl_sms><header>", MobilectrlSms.class));
            assertThrows(InvalidProviderXmlException.class,
                    () -> xml.read("<mobilectrl_sms><unknown/></mobilectrl_sms>", MobilectrlSms.class), "breaks the schema");
            assertEquals("Text message to mobile", text(xml.read(good, MobilectrlSms.class)));
        }
    }

    @Test
    void readsAsWrittenWithoutTheSchemasDefaults() throws Exception {
        String written = xml.write(xml.read(example("6.1-mt-text-sms.xml"), MobilectrlSms.class));
        assertFalse(written.contains("msg_class"), "a default of the schema is not added: " + written);
    }

    @Test
    void concurrentReadsEachGetTheirOwnDocument() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        MobilectrlSms sms = xml.read(example("6.1-mt-text-sms.xml"), MobilectrlSms.class);
                        String own = "thread " + thread + " message " + i;
                        ((MtSms) sms.getPayload().getSmsOrRawSms().get(0)).setMessage(own);
                        if (!own.equals(text(xml.read(xml.write(sms), MobilectrlSms.class)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get());
            }
        } finally {
            threads.shutdown();
        }
    }
}
