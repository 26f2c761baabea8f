package com.smshub.provider.mymsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.MessageStatus;
import com.smshub.provider.smpp.ReceiptErrors.Reading;

class MyMspCodesTest {

    private static Reading read(MessageStatus status, String err) {
        return MyMspCodes.INSTANCE.read(status, err);
    }

    @Test
    void theReceiptsStatDecidesAndItsErrIsKeptAsTheNetworksCode() {
        Reading undelivered = read(MessageStatus.UNDELIVERED, "503");
        assertEquals(MessageStatus.UNDELIVERED, undelivered.status(), "503 here is the network's, not section 3.3's credits");
        assertEquals("NETWORK_ERROR", undelivered.reason().code());
        assertEquals("The receipt's err:503 (the network's or the SMSC's code, SMPP 3.4 appendix B)", undelivered.reason().text());
        assertEquals(MessageStatus.EXPIRED, read(MessageStatus.EXPIRED, "0x0B").status());
        assertEquals("NETWORK_ERROR", read(MessageStatus.REJECTED, "222").reason().code(),
                "222 is no 'newer client version available' in a receipt");
    }

    @Test
    void aDeliveredReceiptOrNoErrorSaysNothingMore() {
        assertEquals(new Reading(MessageStatus.DELIVERED, null), read(MessageStatus.DELIVERED, "000"));
        assertEquals(new Reading(MessageStatus.DELIVERED, null), read(MessageStatus.DELIVERED, "503"));
        assertEquals(new Reading(MessageStatus.UNDELIVERED, null), read(MessageStatus.UNDELIVERED, "000"));
        assertEquals(new Reading(MessageStatus.UNDELIVERED, null), read(MessageStatus.UNDELIVERED, null));
    }
}
