package com.smshub.simulator.smsc;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

import com.smshub.simulator.Journal;
import com.smshub.simulator.Switches;
import com.smshub.simulator.WireCount;

/**
 * An SMSC speaking SMPP 3.4 as myMSP's (and Masiv's SMPP option) would, on the port
 * {@code smshub.simulator.smpp-port} (2775 by default), built on jSMPP's server side: it checks a bind's
 * system id and password, answers submit_sm with a message id of its own (hex), and after
 * {@code receiptDelayMillis} sends the delivery receipt in deliver_sm (text {@code id:... stat:...} and the
 * receipted_message_id and message_state TLVs) on the session the message came in on. Its switches, at
 * {@code /smshub-simulator/smsc/control}: the credentials, the receipt's outcome and delay, a command_status
 * to answer submit_sm with, responses held back (no submit_sm_resp at all) or late, receipts sent twice, sent
 * before the response, or not at all (then query_sm tells), and every connection dropped at once. A receipt
 * the gateway refuses is delivered again after 1, 2, 4 ... 30 s, ten times in all (about three minutes), as an
 * SMSC does, and then given up, counted ({@code receiptsAbandoned}) and owed to the next bind. Binds as a
 * transceiver, or as a transmitter and a receiver (receipts and messages from subscribers then go to a
 * receiver). {@code /smshub-simulator/smsc/mo} sends a message from a subscriber ({@link SmscMoServlet}). Every
 * enquire_link an ESME sends is counted ({@code enquireLinks}), read off the wire ({@link PduCounting}).
 *
 * <p>SMPP promises no deduplication: a message submitted again is taken again, and counted ({@code duplicates}, by
 * recipient and text). Its ids may be as long as SMPP allows ({@code idLength}, up to 64) and may come again
 * ({@code idPool}: ids cycle through that many values, as a wrapping counter does). What it took and which receipts
 * were acknowledged are kept in its journal: after a restart, a receipt never acknowledged is delivered once a
 * receiving session binds again, as an SMSC keeps receipts for an ESME that was away.
 */
@WebListener
public class SmscSimulator implements ServletContextListener, ServerMessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SmscSimulator.class.getName());

    public static final Switches SWITCHES = new Switches(Map.ofEntries(
            Map.entry("systemId", "smshub"),
            Map.entry("password", "mymsp-pw"),
            // the receipt's stat: DELIVRD, UNDELIV, EXPIRED, REJECTD ...
            Map.entry("outcome", "DELIVRD"),
            // the receipt's err: (myMSP writes its result codes there, 503 no credits ...)
            Map.entry("receiptError", "000"),
            Map.entry("receiptDelayMillis", "100"),
            // answer submit_sm with this command_status instead of taking it (0: take it; 88 throttled, 20 queue full)
            Map.entry("commandStatus", "0"),
            // take submit_sm and never answer it (the gateway's ambiguous outcome)
            Map.entry("silent", "false"),
            // send every receipt twice
            Map.entry("duplicateReceipts", "false"),
            // drop every bound connection once, without unbind, as a broken network would (then back to false)
            Map.entry("dropConnections", "false"),
            // hold every submit_sm_resp back this long
            Map.entry("responseDelayMillis", "0"),
            // send the receipt at once, before the submit_sm_resp (held back by responseDelayMillis)
            Map.entry("earlyReceipts", "false"),
            // send receipts at all (false: only query_sm tells what became of a message)
            Map.entry("receipts", "true"),
            // the length of the ids it gives (0: its own short hex; up to 64, SMPP's most), zero-padded on the left
            Map.entry("idLength", "0"),
            // ids cycle through this many values (0: never again), as an SMSC's wrapping counter
            Map.entry("idPool", "0"),
            // the longest alphanumeric sender (TON 5) taken: myMSP's eleven (its spec, glossary); Masiv's SMPP 16
            Map.entry("aliasCharacters", "11")));
    /** A refused receipt is delivered again after this long, at most this many times in all. */
    private static final long RECEIPT_RETRY_MILLIS = 1000;
    private static final int RECEIPT_TRIES = 10;

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());
    private static final AtomicInteger OUTSTANDING = new AtomicInteger();
    /** submit_sm handled at once on a session: more than any window the gateway is given (500). */
    private static final int PDU_THREADS = 512;
    /** Accepted messages by our id: their recipient and text, as the tests read them. */
    private static final Map<String, String> ACCEPTED = new ConcurrentHashMap<>();
    /** What query_sm answers: each message's outcome and from when (System.nanoTime) it holds. */
    private static final Map<String, Fate> FATES = new ConcurrentHashMap<>();
    private static volatile SmscSimulator running;

    private record Fate(String outcome, long from) {
    }

    /** A receipt to send: the message's id, its addresses (the receipt goes from its recipient to its sender). */
    private record Receipt(String id, String recipient, byte sourceTon, byte sourceNpi, String source, String outcome) {
    }

    private static final Journal JOURNAL = new Journal("smsc");
    private static final SubmitRules RULES = new SubmitRules();
    private static final WireCount WIRE = new WireCount(SWITCHES, JOURNAL);
    /** Receipts taken before a restart and never acknowledged: delivered once a receiving session binds. */
    private static final Map<String, Receipt> OWED = new ConcurrentHashMap<>();

    static {
        SWITCHES.onReset(() -> {
            ACCEPTED.clear();
            FATES.clear();
            OWED.clear();
            RULES.clear();
            JOURNAL.clear();
        });
        for (String[] line : JOURNAL.lines()) {
            if (WIRE.restore(line)) {
                continue;
            }
            if (line.length == 9 && "S".equals(line[0])) {
                ACCEPTED.put(line[1], line[2] + " " + line[8]);
                FATES.put(line[1], new Fate(line[6], 0));
                SWITCHES.count("accepted");
                if (Boolean.parseBoolean(line[7])) {
                    OWED.put(line[1], new Receipt(line[1], line[2], Byte.parseByte(line[3]), Byte.parseByte(line[4]), line[5], line[6]));
                }
            } else if (line.length == 2 && "R".equals(line[0])) {
                OWED.remove(line[1]);
            }
        }
    }

    /** Bound sessions and how they bound. */
    private final Map<SMPPServerSession, BindType> sessions = new ConcurrentHashMap<>();
    private ScheduledExecutorService receipts;
    private ExecutorService binds;
    private SMPPServerSessionListener listener;
    
    @Override
    public void contextInitialized(ServletContextEvent event) {
        int port = Integer.getInteger("smshub.simulator.smpp-port", 2775);
        try {
            // enquire_link is answered by jSMPP itself: counted as it is read, for a test to see the ESME's keep-alive
            listener = new SMPPServerSessionListener(port, new PduCounting(id -> {
                if (id == SMPPConstant.CID_ENQUIRE_LINK) {
                    SWITCHES.count("enquireLinks");
                }
            }));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "SMSC simulator not started: port " + port + " is not free", e);
            return;
        }
        listener.setMessageReceiverListener(this);
        listener.setPduProcessorDegree(PDU_THREADS);
        running = this;
        // deliver_sm waits for its response (the gateway's commit): receipts go from as many threads as an SMSC's
        receipts = Executors.newScheduledThreadPool(Integer.getInteger("smshub.simulator.smsc.receipt-threads", 64));
        binds = Executors.newCachedThreadPool();
        binds.execute(this::accept);
        receipts.scheduleWithFixedDelay(this::dropWhenAsked, 100, 100, TimeUnit.MILLISECONDS);
        LOG.info("SMSC simulator listening on port " + port);
    }

    private void accept() {
        while (running == this) {
            try {
                SMPPServerSession session = listener.accept();
                binds.execute(() -> bind(session));
            } catch (SocketException e) {
                return; // closed at undeploy
            } catch (IOException e) {
                LOG.log(Level.FINE, "accept failed", e);
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            SWITCHES.count("binds");
            if (!SWITCHES.get("systemId").equals(request.getSystemId())) {
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
            } else if (!SWITCHES.get("password").equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            } else {
                request.accept("SMSCSIM");
                sessions.put(session, request.getBindType());
                SWITCHES.count("binds" + switch (request.getBindType()) {
                    case BIND_TX -> "Transmitter";
                    case BIND_RX -> "Receiver";
                    default -> "Transceiver";
                });
                session.addSessionStateListener((state, old, source) -> {
                    if (!state.isBound()) {
                        sessions.remove(session);
                    }
                });
                if (request.getBindType() != BindType.BIND_TX && !OWED.isEmpty()) {
                    LOG.info(() -> OWED.size() + " receipts owed from before a restart go to the session bound now");
                    for (Receipt owed : OWED.values()) {
                        receipts.schedule(() -> receipt(session, owed, 1), 500, TimeUnit.MILLISECONDS);
                    }
                }
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "bind failed", e);
            session.close();
        }
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        // the gateway's window, as seen from here: submit_sm taken and not yet answered
        SWITCHES.most("mostOutstanding", OUTSTANDING.incrementAndGet());
        try {
            return submit(submitSm, source);
        } finally {
            OUTSTANDING.decrementAndGet();
        }
    }

    private SubmitSmResult submit(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        SWITCHES.count("submits");
        int status = Integer.parseInt(SWITCHES.failureNow("commandStatus"));
        if (status != 0) {
            throw new ProcessRequestException("simulated command_status " + status, status);
        }
        if (SWITCHES.on("silent")) {
            SWITCHES.count("unanswered");
            try {
                Thread.sleep(60_000); // longer than any client waits for submit_sm_resp
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ProcessRequestException("held back", SMPPConstant.STAT_ESME_RSYSERR);
        }
        ShortMessage message = ShortMessage.of(submitSm);
        Instant now = Instant.now();
        SubmitRules.Times times;
        try {
            times = RULES.check(submitSm, message, (int) SWITCHES.number("aliasCharacters"), now);
        } catch (ProcessRequestException e) {
            SWITCHES.count("refused");
            SWITCHES.count("refused." + e.getErrorCode());
            throw e;
        }
        String id = nextId();
        String text = message.text() != null ? message.text() : "0x" + HexFormat.of().formatHex(submitSm.getShortMessage());
        ACCEPTED.put(id, submitSm.getDestAddress() + " " + text);
        SWITCHES.count("accepted");
        WIRE.arrived(submitSm.getDestAddress() + " " + (message.udh() == null ? "" : message.udhHex() + " ") + text);
        if (message.concatenation() != null) {
            SWITCHES.count("parts");
        }
        if (times.schedule() != null) {
            SWITCHES.count("scheduled");
        }
        if (times.validUntil() != null) {
            SWITCHES.count("withValidity");
        }
        Map<String, String> received = new HashMap<>(Map.of("sourceTon", String.valueOf(submitSm.getSourceAddrTon()),
                "sourceNpi", String.valueOf(submitSm.getSourceAddrNpi()), "source", String.valueOf(submitSm.getSourceAddr()),
                "destTon", String.valueOf(submitSm.getDestAddrTon()), "destNpi", String.valueOf(submitSm.getDestAddrNpi()),
                "dataCoding", String.valueOf(message.dataCoding()), "esmClass", String.valueOf(submitSm.getEsmClass()),
                "schedule", String.valueOf(submitSm.getScheduleDeliveryTime()),
                "validity", String.valueOf(submitSm.getValidityPeriod()), "text", text));
        received.put("udh", String.valueOf(message.udhHex()));
        received.put("messageClass", ShortMessage.messageClass(message.dataCoding()).map(String::valueOf).orElse("none"));
        SWITCHES.received(submitSm.getDestAddress(), received);
        // delivered after its schedule (and the network's delay); expired when its validity ends first
        Instant deliverAt = (times.schedule() != null && times.schedule().isAfter(now) ? times.schedule() : now)
                .plusMillis(SWITCHES.number("receiptDelayMillis"));
        boolean expires = times.validUntil() != null && times.validUntil().isBefore(deliverAt);
        String outcome = expires ? "EXPIRED" : SWITCHES.get("outcome");
        boolean twice = SWITCHES.on("duplicateReceipts");
        boolean early = SWITCHES.on("earlyReceipts");
        long delay = early ? 0 : Math.max(0, Duration.between(now, expires ? times.validUntil() : deliverAt).toMillis());
        FATES.put(id, new Fate(outcome, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay)));
        boolean receipted = submitSm.getRegisteredDelivery() != 0 && SWITCHES.on("receipts");
        Receipt receipt = new Receipt(id, submitSm.getDestAddress(), submitSm.getSourceAddrTon(), submitSm.getSourceAddrNpi(),
                submitSm.getSourceAddr(), outcome);
        JOURNAL.append("S", id, receipt.recipient(), String.valueOf(receipt.sourceTon()), String.valueOf(receipt.sourceNpi()),
                receipt.source(), outcome, String.valueOf(receipted), text);
        if (receipted) {
            for (int i = 0; i < (twice ? 2 : 1); i++) {
                receipts.schedule(() -> receipt(source, receipt, 1), delay, TimeUnit.MILLISECONDS);
            }
        }
        long responseDelay = SWITCHES.number("responseDelayMillis");
        if (responseDelay > 0) {
            try {
                Thread.sleep(responseDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (Exception e) {
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    /** The next message id: hex from the clock, cycling through {@code idPool} values, padded to {@code idLength}. */
    private static String nextId() {
        long pool = SWITCHES.number("idPool");
        long n = IDS.incrementAndGet();
        String id = Long.toHexString(pool > 0 ? n % pool : n).toUpperCase(Locale.ROOT);
        int length = (int) Math.min(64, SWITCHES.number("idLength"));
        return id.length() >= length ? id : "0".repeat(length - id.length()) + id;
    }

    /**
     * Sends a receipt on a session that receives (the message's own, or a receiver bound beside its transmitter);
     * once the gateway acknowledged it, the journal says so.
     */
    private void receipt(SMPPServerSession source, Receipt receipt, int attempt) {
        String id = receipt.id();
        String outcome = receipt.outcome();
        String when = new SimpleDateFormat("yyMMddHHmm", Locale.ROOT).format(new Date());
        String text = "id:" + id + " sub:001 dlvrd:" + ("DELIVRD".equals(outcome) ? "001" : "000") + " submit date:" + when
                + " done date:" + when + " stat:" + outcome + " err:" + SWITCHES.get("receiptError") + " text:";
        if (!ACCEPTED.containsKey(id)) {
            return; // reset since: the test that sent it is over
        }
        SMPPServerSession session = receiving(source);
        try {
            if (session == null) {
                throw new IOException("no receiving session bound");
            }
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, receipt.recipient(),
                    TypeOfNumber.valueOf(receipt.sourceTon()), NumberingPlanIndicator.valueOf(receipt.sourceNpi()),
                    receipt.source(), new ESMClass(MessageType.SMSC_DEL_RECEIPT.value()), (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), GeneralDataCoding.DEFAULT, text.getBytes(StandardCharsets.ISO_8859_1),
                    new OptionalParameter.Receipted_message_id(id),
                    new OptionalParameter.Message_state(state(outcome)));
            SWITCHES.count("receiptsSent");
            OWED.remove(id);
            JOURNAL.append("R", id);
        } catch (Exception e) {
            SWITCHES.count("receiptsRefused");
            LOG.log(Level.FINE, "receipt " + id + " not taken", e);
            if (attempt < RECEIPT_TRIES && running == this) {
                long wait = Math.min(RECEIPT_RETRY_MILLIS << (attempt - 1), 30_000);
                receipts.schedule(() -> receipt(source, receipt, attempt + 1), wait, TimeUnit.MILLISECONDS);
            } else if (running == this) {
                SWITCHES.count("receiptsAbandoned");
                LOG.warning(() -> "receipt " + id + " refused " + attempt + " times; given up (owed to the next bind)");
            }
        }
    }

    /** The session itself where it receives; else a bound receiver (of the same system id: there is one set of credentials). */
    private SMPPServerSession receiving(SMPPServerSession source) {
        if (source != null && sessions.getOrDefault(source, BindType.BIND_TX) != BindType.BIND_TX) {
            return source;
        }
        return sessions.entrySet().stream().filter(e -> e.getValue() != BindType.BIND_TX).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /**
     * Sends a message from a subscriber to a receiving session: in one deliver_sm, or in parts of at most
     * {@code partSize} octets with a concatenation header ({@code udh}) or SAR TLVs ({@code sar}).
     *
     * @return how many deliver_sm the gateway took
     */
    static int mobileOriginated(String from, String to, byte[] octets, byte dataCoding, String concatenation, int partSize)
            throws IOException {
        SmscSimulator simulator = running;
        SMPPServerSession session = simulator == null ? null : simulator.receiving(null);
        if (session == null) {
            throw new IOException("no receiving session bound");
        }
        int parts = "none".equals(concatenation) ? 1 : (octets.length + partSize - 1) / partSize;
        int reference = (int) (IDS.incrementAndGet() & 0xFF);
        int taken = 0;
        for (int i = 0; i < parts; i++) {
            byte[] piece = parts == 1 ? octets
                    : java.util.Arrays.copyOfRange(octets, i * partSize, Math.min(octets.length, (i + 1) * partSize));
            OptionalParameter[] sar = new OptionalParameter[0];
            int esmClass = 0;
            if (parts > 1 && "udh".equals(concatenation)) {
                byte[] withHeader = new byte[piece.length + 6];
                System.arraycopy(new byte[] {0x05, 0x00, 0x03, (byte) reference, (byte) parts, (byte) (i + 1)}, 0, withHeader, 0, 6);
                System.arraycopy(piece, 0, withHeader, 6, piece.length);
                piece = withHeader;
                esmClass = 0x40;
            } else if (parts > 1) {
                sar = new OptionalParameter[] {new OptionalParameter.Sar_msg_ref_num((short) reference),
                    new OptionalParameter.Sar_total_segments((byte) parts), new OptionalParameter.Sar_segment_seqnum((byte) (i + 1))};
            }
            try {
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, new ESMClass(esmClass), (byte) 0, (byte) 0,
                        new RegisteredDelivery(0), new RawDataCoding(dataCoding), piece, sar);
                SWITCHES.count("moSent");
                taken++;
            } catch (Exception e) {
                SWITCHES.count("moRefused");
                LOG.log(Level.FINE, "message from a subscriber not taken", e);
            }
        }
        return taken;
    }

    private static byte state(String outcome) {
        return switch (outcome) {
            case "DELIVRD" -> 2;
            case "EXPIRED" -> 3;
            case "DELETED" -> 4;
            case "UNDELIV" -> 5;
            case "ACCEPTD" -> 6;
            case "REJECTD" -> 8;
            default -> 7;
        };
    }

    private void dropWhenAsked() {
        if (SWITCHES.on("dropConnections")) {
            SWITCHES.set("dropConnections", "false");
            for (SMPPServerSession session : sessions.keySet()) {
                session.close();
                SWITCHES.count("drops");
            }
        }
    }

    /** What the simulator took for this message id ("recipient text"), or null. */
    public static String accepted(String id) {
        return ACCEPTED.get(id);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        running = null;
        for (SMPPServerSession session : sessions.keySet()) {
            session.unbindAndClose();
        }
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "close failed", e);
            }
            receipts.shutdownNow();
            binds.shutdownNow();
        }
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        SWITCHES.count("queries");
        Fate fate = FATES.get(querySm.getMessageId().toUpperCase(Locale.ROOT));
        if (fate == null) {
            throw new ProcessRequestException("no message " + querySm.getMessageId(), SMPPConstant.STAT_ESME_RQUERYFAIL);
        }
        boolean decided = System.nanoTime() - fate.from() >= 0;
        String when = new SimpleDateFormat("yyMMddHHmmss", Locale.ROOT).format(new Date()) + "000+";
        return new QuerySmResult(decided ? when : "", MessageState.valueOf(decided ? state(fate.outcome()) : 1), (byte) 0);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw notSimulated("submit_multi");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw notSimulated("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw notSimulated("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw notSimulated("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw notSimulated("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw notSimulated("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw notSimulated("data_sm");
    }

    /** The answer to an operation this SMSC does not simulate: an invalid command id, as SMPP 3.4 says. */
    private static ProcessRequestException notSimulated(String operation) {
        return new ProcessRequestException(operation + " is not simulated", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
