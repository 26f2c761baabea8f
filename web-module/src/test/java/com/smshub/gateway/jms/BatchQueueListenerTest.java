package com.smshub.gateway.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
