package com.smshub.simulator.smsc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.Test;

class PduCountingTest {

    /** A PDU: command_length, command_id, command_status, sequence_number, then the body. */
    private static byte[] pdu(int commandId, int bodyOctets) {
        return ByteBuffer.allocate(16 + bodyOctets).putInt(16 + bodyOctets).putInt(commandId).putInt(0).putInt(7).array();
    }

    private static byte[] stream(byte[]... pdus) {
        ByteBuffer all = ByteBuffer.allocate(java.util.Arrays.stream(pdus).mapToInt(p -> p.length).sum());
        for (byte[] pdu : pdus) {
            all.put(pdu);
        }
        return all.array();
    }

    @Test
    void everyPdusCommandIdIsToldHoweverTheOctetsAreRead() throws IOException {
        byte[] wire = stream(pdu(SMPPConstant.CID_SUBMIT_SM, 40), pdu(SMPPConstant.CID_ENQUIRE_LINK, 0),
                pdu(SMPPConstant.CID_DELIVER_SM_RESP, 1), pdu(SMPPConstant.CID_ENQUIRE_LINK, 0));
        List<Integer> expected = List.of(SMPPConstant.CID_SUBMIT_SM, SMPPConstant.CID_ENQUIRE_LINK,
                SMPPConstant.CID_DELIVER_SM_RESP, SMPPConstant.CID_ENQUIRE_LINK);
        for (int chunk : new int[] {1, 3, 16, 17, 1000}) {
            List<Integer> told = new ArrayList<>();
            try (PduCounting.PduStream in = new PduCounting.PduStream(new ByteArrayInputStream(wire), told::add)) {
                byte[] buffer = new byte[chunk];
                while (in.read(buffer, 0, chunk) > 0) {
                    // read as it comes
                }
            }
            assertEquals(expected, told, "read " + chunk + " octets at a time");
        }
        // as jSMPP reads: an int, then the rest of the PDU in one go
        List<Integer> told = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new PduCounting.PduStream(new ByteArrayInputStream(wire), told::add))) {
            while (in.available() > 0) {
                int length = in.readInt();
                in.readFully(new byte[length - 4]);
            }
        }
        assertEquals(expected, told);
    }
}
