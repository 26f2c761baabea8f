package com.smshub.simulator.smsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMSC simulator as a judge: a jSMPP client bound to it sends what SMPP 3.4 and myMSP's spec refuse and gets
 * each refused with the command_status an SMSC gives; what it takes it keeps decoded, and it acts on schedule and
 * validity.
 */
class SmscSimulatorTest {

    @TempDir
    static Path data;

    private static SmscSimulator smsc;
    private static SMPPSession esme;
    private static final BlockingQueue<String> RECEIPTS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void bind() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        System.setProperty("smshub.simulator.smpp-port", String.valueOf(port));
        System.setProperty("jboss.server.data.dir", data.toString());
        smsc = new SmscSimulator();
        smsc.contextInitialized(null);
        esme = new SMPPSession();
        esme.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                RECEIPTS.add(new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1));
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("no", SMPPConstant.STAT_ESME_RINVCMDID);
            }
        });
        esme.connectAndBind("localhost", port, new BindParameter(BindType.BIND_TRX, "smshub", "mymsp-pw", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
    }

    @AfterAll
    static void unbind() {
        esme.unbindAndClose();
        smsc.contextDestroyed(null);
    }

    @BeforeEach
    void reset() {
        SmscSimulator.SWITCHES.reset();
        RECEIPTS.clear();
    }

    /** A submit_sm as the test writes it; each test changes what it is about. */
    private static final class Pdu {
        byte sourceTon = 5;
        byte sourceNpi = 0;
        String source = "SMSHUB";
        byte destTon = 1;
        byte destNpi = 1;
        String dest = "4791234567";
        byte esmClass = 0;
        String schedule = null;
        String validity = null;
        byte registered = 1;
        byte dataCoding = 0;
        byte[] octets = "Hei".getBytes(StandardCharsets.US_ASCII);
        OptionalParameter[] tlvs = new OptionalParameter[0];

        String submit() throws Exception {
            return esme.submitShortMessage("", TypeOfNumber.valueOf(sourceTon), NumberingPlanIndicator.valueOf(sourceNpi), source,
                    TypeOfNumber.valueOf(destTon), NumberingPlanIndicator.valueOf(destNpi), dest, new ESMClass(esmClass), (byte) 0,
                    (byte) 0, schedule, validity, new RegisteredDelivery(registered), (byte) 0, new RawDataCoding(dataCoding),
                    (byte) 0, octets, tlvs).getMessageId();
        }

        int refusal() {
            return assertThrows(NegativeResponseException.class, this::submit).getCommandStatus();
        }
    }

    @Test
    void addressesOutsideSmpp34AndMyMspAreRefused() {
        Pdu longAlias = new Pdu();
        longAlias.source = "TWELVECHARSX"; // myMSP: an alias of at most eleven characters
        assertEquals(SMPPConstant.STAT_ESME_RINVSRCADR, longAlias.refusal());
        Pdu letters = new Pdu();
        letters.dest = "47ABC";
        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, letters.refusal(), "an international number is digits");
        Pdu none = new Pdu();
        none.dest = "";
        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, none.refusal());
        Pdu alphanumericRecipient = new Pdu();
        alphanumericRecipient.destTon = 5;
        assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, alphanumericRecipient.refusal());
        assertEquals(4, SmscSimulator.SWITCHES.counted("refused"));
        assertEquals(0, SmscSimulator.SWITCHES.counted("accepted"));
    }

    /** TON and NPI values jSMPP's client will not write, judged as the SMSC reads them off the wire. */
    @Test
    void tonsAndNpisOutsideSmpp34sTablesAreRefused() throws Exception {
        int[][] cases = {{7, 0, 1, 1, SMPPConstant.STAT_ESME_RINVSRCTON}, {5, 2, 1, 1, SMPPConstant.STAT_ESME_RINVSRCNPI},
            {5, 0, 9, 1, SMPPConstant.STAT_ESME_RINVDSTTON}, {5, 0, 1, 5, SMPPConstant.STAT_ESME_RINVDSTNPI}};
        for (int[] c : cases) {
            org.jsmpp.bean.SubmitSm pdu = new org.jsmpp.bean.SubmitSm();
            pdu.setSourceAddrTon((byte) c[0]);
            pdu.setSourceAddrNpi((byte) c[1]);
            pdu.setSourceAddr("SMSHUB");
            pdu.setDestAddrTon((byte) c[2]);
            pdu.setDestAddrNpi((byte) c[3]);
            pdu.setDestAddress("4791234567");
            pdu.setShortMessage(new byte[] {0x48});
            ShortMessage message = ShortMessage.of(pdu);
            ProcessRequestException refused = assertThrows(ProcessRequestException.class,
                    () -> new SubmitRules().check(pdu, message, 11, java.time.Instant.now()));
            assertEquals(c[4], refused.getErrorCode());
        }
    }

    @Test
    void contentOutsideItsDataCodingIsRefused() {
        Pdu reserved = new Pdu();
        reserved.dataCoding = 0x0B;
        assertEquals(SMPPConstant.STAT_ESME_RINVDCS, reserved.refusal());
        Pdu notSeptets = new Pdu();
        notSeptets.octets = new byte[] {0x48, (byte) 0xE4};
        assertEquals(SMPPConstant.STAT_ESME_RINVDCS, notSeptets.refusal(), "the default alphabet is seven bits");
        Pdu oddUcs2 = new Pdu();
        oddUcs2.dataCoding = 8;
        oddUcs2.octets = new byte[] {0x00, 0x48, 0x00};
        assertEquals(SMPPConstant.STAT_ESME_RINVMSGLEN, oddUcs2.refusal());
        Pdu both = new Pdu();
        both.tlvs = new OptionalParameter[] {new OptionalParameter.Message_payload("more".getBytes(StandardCharsets.US_ASCII))};
        assertEquals(SMPPConstant.STAT_ESME_RINVMSGLEN, both.refusal(), "short_message and message_payload never both");
        Pdu noHeader = new Pdu();
        noHeader.esmClass = 0x40;
        noHeader.octets = new byte[] {0x05, 0x00, 0x03};
        assertEquals(SMPPConstant.STAT_ESME_RINVESMCLASS, noHeader.refusal(), "UDHI with a header cut short");
        Pdu messageType = new Pdu();
        messageType.esmClass = 0x04; // an SMSC delivery receipt is not the ESME's to send
        assertEquals(SMPPConstant.STAT_ESME_RINVESMCLASS, messageType.refusal());
        Pdu registered = new Pdu();
        registered.registered = 3;
        assertEquals(SMPPConstant.STAT_ESME_RINVREGDLVFLG, registered.refusal());
        Pdu halfSar = new Pdu();
        halfSar.tlvs = new OptionalParameter[] {new OptionalParameter.Sar_msg_ref_num((short) 7)};
        assertEquals(SMPPConstant.STAT_ESME_RINVTLVVAL, halfSar.refusal());
    }

    @Test
    void aMessageOver765CharactersIsRefusedWholeOrInParts() throws Exception {
        Pdu whole = new Pdu();
        whole.octets = new byte[0];
        whole.tlvs = new OptionalParameter[] {new OptionalParameter.Message_payload("a".repeat(766).getBytes(StandardCharsets.US_ASCII))};
        assertEquals(SMPPConstant.STAT_ESME_RINVMSGLEN, whole.refusal());
        whole.tlvs = new OptionalParameter[] {new OptionalParameter.Message_payload("a".repeat(765).getBytes(StandardCharsets.US_ASCII))};
        assertNotNull(whole.submit(), "765 is myMSP's most, and taken");

        // six parts of 153 septets with a UDH: 918 characters; the part that passes 765 and the rest are refused
        for (int seq = 1; seq <= 6; seq++) {
            Pdu part = new Pdu();
            part.esmClass = 0x40;
            byte[] octets = new byte[6 + 153];
            System.arraycopy(new byte[] {0x05, 0x00, 0x03, 0x2A, 6, (byte) seq}, 0, octets, 0, 6);
            java.util.Arrays.fill(octets, 6, octets.length, (byte) 'b');
            part.octets = octets;
            if (seq <= 5) {
                assertNotNull(part.submit());
            } else {
                assertEquals(SMPPConstant.STAT_ESME_RINVMSGLEN, part.refusal());
            }
        }
        Map<String, Object> received = SmscSimulator.SWITCHES.receivedBy("4791234567");
        assertEquals("0500032a0605", received.get("received.udh"), "the header kept apart from the text");
        assertEquals("b".repeat(153), received.get("received.text"));
    }

    @Test
    void textIsKeptAsItsDataCodingSpellsIt() throws Exception {
        Pdu gsm = new Pdu();
        gsm.octets = new byte[] {0x52, 0x7B, 0x6B, 0x1B, 0x65, 0x0A, 0x1B, 0x3C}; // R ä k € LF [
        gsm.submit();
        assertEquals("Räk€\n[", SmscSimulator.SWITCHES.receivedBy("4791234567").get("received.text"));
        Pdu ucs2 = new Pdu();
        ucs2.dataCoding = 8;
        ucs2.octets = "Привет".getBytes(StandardCharsets.UTF_16BE);
        ucs2.submit();
        assertEquals("Привет", SmscSimulator.SWITCHES.receivedBy("4791234567").get("received.text"));
        Pdu flash = new Pdu();
        flash.dataCoding = 0x18; // GSM 03.38: UCS-2, class 0
        flash.octets = "Å".getBytes(StandardCharsets.UTF_16BE);
        flash.submit();
        assertEquals("Å", SmscSimulator.SWITCHES.receivedBy("4791234567").get("received.text"));
        Pdu numeric = new Pdu();
        numeric.sourceTon = 1;
        numeric.sourceNpi = 1;
        numeric.source = "4790000000";
        numeric.submit();
        assertEquals("1", SmscSimulator.SWITCHES.receivedBy("4791234567").get("received.sourceTon"));
        assertEquals("4790000000", SmscSimulator.SWITCHES.receivedBy("4791234567").get("received.source"));
    }

    @Test
    void timesAreSmppTimesAndAValidityMayNotEndBeforeTheSchedule() throws Exception {
        java.time.Instant now = java.time.Instant.parse("2026-12-03T12:00:00Z");
        for (String bad : new String[] {"2612031200", "261303120000000+", "261203120000049+", "000000001000000X"}) {
            assertEquals(SMPPConstant.STAT_ESME_RINVSCHED, assertThrows(ProcessRequestException.class,
                    () -> SubmitRules.time(bad, now, SMPPConstant.STAT_ESME_RINVSCHED)).getErrorCode(), bad);
        }
        assertEquals(java.time.Instant.parse("2026-12-03T13:30:00Z"), SubmitRules.time("261203143000004+", now, 0),
                "local time an hour ahead of UTC (four quarter hours)");
        assertEquals(java.time.Instant.parse("2026-12-04T14:00:30Z"), SubmitRules.time("000001020030000R", now, 0),
                "relative: a day, two hours, thirty seconds from now");
        Pdu validBeforeSchedule = new Pdu();
        validBeforeSchedule.schedule = "000000010000000R"; // in an hour
        validBeforeSchedule.validity = "000000003000000R"; // over in half an hour
        assertEquals(SMPPConstant.STAT_ESME_RINVEXPIRY, validBeforeSchedule.refusal());
        Pdu past = new Pdu();
        past.validity = "200101000000000+";
        assertEquals(SMPPConstant.STAT_ESME_RINVEXPIRY, past.refusal());
    }

    @Test
    void aScheduledMessageIsDeliveredAfterItsTimeAndOneWhoseValidityEndsFirstExpires() throws Exception {
        SmscSimulator.SWITCHES.set("receiptDelayMillis", "100");
        Pdu scheduled = new Pdu();
        LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(3);
        scheduled.schedule = at.format(DateTimeFormatter.ofPattern("yyMMddHHmmss")) + (at.getNano() / 100_000_000) + "00+";
        long sent = System.nanoTime();
        String id = scheduled.submit();
        String receipt = RECEIPTS.poll(10, TimeUnit.SECONDS);
        assertNotNull(receipt);
        assertTrue(Duration.ofNanos(System.nanoTime() - sent).toMillis() >= 2500, "not before its time");
        assertTrue(receipt.startsWith("id:" + id) && receipt.contains("stat:DELIVRD"), receipt);

        SmscSimulator.SWITCHES.set("receiptDelayMillis", "3000"); // the handset is away longer than the message is valid
        Pdu brief = new Pdu();
        brief.validity = "000000000001000R";
        String briefId = brief.submit();
        String expired = RECEIPTS.poll(10, TimeUnit.SECONDS);
        assertNotNull(expired);
        assertTrue(expired.startsWith("id:" + briefId) && expired.contains("stat:EXPIRED"), expired);
        assertNull(RECEIPTS.poll(2500, TimeUnit.MILLISECONDS), "one receipt, at the end of its validity");
    }
}
