package com.smshub.provider.mymsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.MessageStatus;
import com.smshub.provider.smpp.ReceiptErrors.Reading;

class MyMspCodesTest {

    private static Reading read(MessageStatus status, String err) {
        return MyMspCodes.INSTANCE.read(status, err);
    }

    @Test
    void messageStatusesOfSection32() {
        assertEquals(MessageStatus.SUBMITTED, MyMspCodes.ofMessageStatus(0));
        assertEquals(MessageStatus.SUBMITTED, MyMspCodes.ofMessageStatus(1000));
        assertNull(MyMspCodes.ofMessageStatus(1100), "Completed: the receipts decide");
        assertEquals(MessageStatus.UNDELIVERED, MyMspCodes.ofMessageStatus(1200));
        assertThrows(IllegalArgumentException.class, () -> MyMspCodes.ofMessageStatus(1300));
    }

    @Test
    void everyResultCodeOfSection33IsKnown() {
        assertEquals(28, MyMspCodes.RESULTS.size());
        assertEquals("Message text longer than 765 characters", MyMspCodes.RESULTS.get(105));
    }

    @Test
    void aFailedReceiptsResultCodeSaysWhatBecameOfTheMessageAndWhy() {
        Reading credits = read(MessageStatus.UNDELIVERED, "503");
        assertEquals(MessageStatus.REJECTED, credits.status());
        assertEquals("INSUFFICIENT_CREDIT", credits.reason().code());
        assertEquals("myMSP 503: Not enough credits left to send message", credits.reason().text());
        assertEquals("ACCOUNT_REFUSED", read(MessageStatus.UNDELIVERED, "202").reason().code());
        assertEquals(MessageStatus.REJECTED, read(MessageStatus.UNDELIVERED, "105").status());
        assertEquals(MessageStatus.UNDELIVERED, read(MessageStatus.REJECTED, "501").status(), "a passing failure after acceptance");
        assertEquals(MessageStatus.UNKNOWN, read(MessageStatus.UNKNOWN, "901").status());
        assertEquals(MessageStatus.EXPIRED, read(MessageStatus.EXPIRED, "902").status(), "an unknown error leaves a final stat: alone");
    }

    @Test
    void aDeliveredReceiptAndCodesMyMspDoesNotListChangeNothing() {
        assertEquals(new Reading(MessageStatus.DELIVERED, null), read(MessageStatus.DELIVERED, "000"));
        assertEquals(new Reading(MessageStatus.DELIVERED, null), read(MessageStatus.DELIVERED, "503"));
        assertEquals(new Reading(MessageStatus.UNDELIVERED, null), read(MessageStatus.UNDELIVERED, "000"));
        assertEquals(new Reading(MessageStatus.UNDELIVERED, null), read(MessageStatus.UNDELIVERED, "0x0B"));
        assertEquals(new Reading(MessageStatus.UNDELIVERED, null), read(MessageStatus.UNDELIVERED, null));
    }
}
