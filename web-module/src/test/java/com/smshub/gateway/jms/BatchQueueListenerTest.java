package com.smshub.gateway.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.SendBatchRequest;

class BatchQueueListenerTest {

    @Test
    void readsTheContractsSendBatchDocument() throws Exception {
        SendBatchRequest batch = BatchQueueListener.read("""
                <SendBatch xmlns="urn:smshub:gateway:v1">
                  <clientReference>r-1</clientReference>
                  <message><text>Hello</text><recipient>+46708331536</recipient></message>
                </SendBatch>""");
        assertEquals("r-1", batch.getClientReference());
        assertEquals("+46708331536", batch.getMessage().get(0).getRecipient());
    }

    @Test
    void anyOtherDocumentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BatchQueueListener.read(
                "<SendSms xmlns=\"urn:smshub:gateway:v1\"><text>x</text><recipient>+46708331536</recipient></SendSms>"));
        assertThrows(Exception.class, () -> BatchQueueListener.read("<SendBatch xmlns=\"urn:smshub:gateway:v1\"><message>"));
    }

    private static String batch(int messages) {
        StringBuilder xml = new StringBuilder("<SendBatch xmlns=\"urn:smshub:gateway:v1\">");
        for (int i = 0; i < messages; i++) {
            xml.append("<message><text>Hello</text><recipient>+46708331536</recipient></message>");
        }
        return xml.append("</SendBatch>").toString();
    }

    @Test
    void theLargestBatchTheContractAllowsIsRead() throws Exception {
        assertEquals(20_000, BatchQueueListener.read(batch(20_000)).getMessage().size());
    }

    @Test
    void aDocumentOverTheLimitsTheSoapEndpointKeepsIsRefusedWithTheLimit() {
        IllegalArgumentException children = assertThrows(IllegalArgumentException.class, () -> BatchQueueListener.read(batch(25_001)));
        assertTrue(children.getMessage().contains("25000 children"), children.getMessage());
        String deep = "<SendBatch xmlns=\"urn:smshub:gateway:v1\">" + "<name>".repeat(40) + "</name>".repeat(40) + "</SendBatch>";
        IllegalArgumentException depth = assertThrows(IllegalArgumentException.class, () -> BatchQueueListener.read(deep));
        assertTrue(depth.getMessage().contains("deeper than 32"), depth.getMessage());
        String longText = "<SendBatch xmlns=\"urn:smshub:gateway:v1\"><name>" + "x".repeat(200_000) + "</name></SendBatch>";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BatchQueueListener.read(longText)).getMessage()
                .contains("131072"));
    }

    @Test
    void aDocumentTypeIsRefusedSoNoEntityIsEverExpanded() {
        String entities = "<?xml version=\"1.0\"?><!DOCTYPE SendBatch [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<SendBatch xmlns=\"urn:smshub:gateway:v1\"><name>&x;</name></SendBatch>";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BatchQueueListener.read(entities));
        assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
    }
}
