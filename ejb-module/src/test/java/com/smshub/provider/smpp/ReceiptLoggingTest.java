package com.smshub.provider.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A receipt the gateway cannot place is logged by its fields, never with the start of the subscriber's text. */
class ReceiptLoggingTest {

    @Test
    void theTextOfAReceiptIsLeftOutOfTheLog() {
        assertEquals("id: sub:001 dlvrd:001 submit date:2612041200 done date:2612041201 stat:DELIVRD err:000 text:(not logged)",
                SmppConnection.withoutText("id: sub:001 dlvrd:001 submit date:2612041200 done date:2612041201 stat:DELIVRD err:000 "
                        + "Text:Your PIN is 1234"));
        assertEquals("stat:DELIVRD", SmppConnection.withoutText("stat:DELIVRD"));
    }
}
