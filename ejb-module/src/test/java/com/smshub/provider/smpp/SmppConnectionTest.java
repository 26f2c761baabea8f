package com.smshub.provider.smpp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;

import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;

/**
 * A submit that jSMPP refuses because its session is no longer bound was never written, so it may go again; any
 * other I/O failure may come after the PDU left, and its outcome stays unknown. The refusal is jSMPP's own, from a
 * session that was never bound: should a new jSMPP word it otherwise, this test fails (and until it is mended, such
 * a submit would be taken for unknown, never for not sent).
 */
class SmppConnectionTest {

    @Test
    void aSubmitOnASessionNoLongerBoundIsKnownNotWritten() throws Exception {
        SMPPSession closed = new SMPPSession();
        IOException refused = assertThrows(IOException.class, () -> closed.submitShortMessage("", TypeOfNumber.ALPHANUMERIC,
                NumberingPlanIndicator.UNKNOWN, "SmsHub", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                "4740000001", new ESMClass(), (byte) 0, (byte) 0, null, null, new RegisteredDelivery(), (byte) 0,
                DataCodings.ZERO, (byte) 0, "Hei".getBytes()));

        assertTrue(SmppConnection.closedBeforeWriting(refused), refused.getMessage());
    }

    @Test
    void aConnectionThatFailsWhileWritingIsNotKnownNotWritten() {
        assertFalse(SmppConnection.closedBeforeWriting(new SocketException("Broken pipe")));
        assertFalse(SmppConnection.closedBeforeWriting(new IOException((String) null)));
    }
}
