package com.smshub.provider.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.MessageStatus;
import com.smshub.provider.spi.SendOutcome;

class SmppCodesTest {

    @Test
    void throttlingAndAFullQueueSlowDownWithoutFailing() {
        assertInstanceOf(SendOutcome.Throttled.class, SmppCodes.ofCommandStatus(0x58));
        assertInstanceOf(SendOutcome.Throttled.class, SmppCodes.ofCommandStatus(0x14));
    }

    @Test
    void aFaultOfTheMessageIsFinalAndOfTheAccountMayFailOver() {
        SendOutcome.Rejected destination = assertInstanceOf(SendOutcome.Rejected.class, SmppCodes.ofCommandStatus(0x0B));
        assertFalse(destination.failover());
        assertEquals("0x0000000B", destination.code());
        SendOutcome.Rejected submitFailed = assertInstanceOf(SendOutcome.Rejected.class, SmppCodes.ofCommandStatus(0x45));
        assertTrue(submitFailed.failover());
        assertInstanceOf(SendOutcome.Retry.class, SmppCodes.ofCommandStatus(0x08));
    }

    @Test
    void everyReceiptStateHasItsCanonicalStatus() {
        assertEquals(MessageStatus.DELIVERED, SmppCodes.ofReceiptStat("DELIVRD"));
        assertEquals(MessageStatus.EXPIRED, SmppCodes.ofReceiptStat("EXPIRED"));
        assertEquals(MessageStatus.UNDELIVERED, SmppCodes.ofReceiptStat("DELETED"));
        assertEquals(MessageStatus.UNDELIVERED, SmppCodes.ofReceiptStat("undeliv "));
        assertEquals(MessageStatus.SUBMITTED, SmppCodes.ofReceiptStat("ACCEPTD"));
        assertEquals(MessageStatus.REJECTED, SmppCodes.ofReceiptStat("REJECTD"));
        assertEquals(MessageStatus.UNKNOWN, SmppCodes.ofReceiptStat("UNKNOWN"));
        for (int state = 1; state <= 8; state++) {
            assertEquals(SmppCodes.ofReceiptStat(SmppCodes.statOfMessageState(state)),
                    SmppCodes.ofReceiptStat(SmppCodes.statOfMessageState(state)));
        }
        assertEquals("DELIVRD", SmppCodes.statOfMessageState(2));
        assertEquals("REJECTD", SmppCodes.statOfMessageState(8));
    }
}
