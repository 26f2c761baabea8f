package com.smshub.simulator.smsc;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
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

import com.smshub.simulator.Switches;

/**
 * An SMSC speaking SMPP 3.4 as myMSP's (and Masiv's SMPP option) would, on the port
 * {@code smshub.simulator.smpp-port} (2775 by default), built on jSMPP's server side: it checks a bind's
 * system id and password, answers submit_sm with a message id of its own (hex), and after
 * {@code receiptDelayMillis} sends the delivery receipt in deliver_sm (text {@code id:... stat:...} and the
 * receipted_message_id and message_state TLVs) on the session the message came in on. Its switches, at
 * {@code /smshub-simulator/smsc/control}: the credentials, the receipt's outcome and delay, a command_status
 * to answer submit_sm with, responses held back (no submit_sm_resp at all), receipts sent twice, and every
 * connection dropped at once.
 */
@WebListener
public class SmscSimulator implements ServletContextListener, ServerMessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SmscSimulator.class.getName());

    public static final Switches SWITCHES = new Switches(Map.of(
            "systemId", "smshub",
            "password", "mymsp-pw",
            // the receipt's stat: DELIVRD, UNDELIV, EXPIRED, REJECTD ...
            "outcome", "DELIVRD",
            "receiptDelayMillis", "100",
            // answer submit_sm with this command_status instead of taking it (0: take it; 88 throttled, 20 queue full)
            "commandStatus", "0",
            // take submit_sm and never answer it (the gateway's ambiguous outcome)
            "silent", "false",
            // send every receipt twice
            "duplicateReceipts", "false",
            // drop every bound connection once, without unbind, as a broken network would (then back to false)
            "dropConnections", "false"));

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());
    /** Accepted messages by our id: their recipient and text, as the tests read them. */
    private static final Map<String, String> ACCEPTED = new ConcurrentHashMap<>();

    static {
        SWITCHES.onReset(ACCEPTED::clear);
    }

    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService receipts;
    private ExecutorService binds;
    private SMPPServerSessionListener listener;
    private volatile boolean running;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        int port = Integer.getInteger("smshub.simulator.smpp-port", 2775);
        try {
            listener = new SMPPServerSessionListener(port);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "SMSC simulator not started: port " + port + " is not free", e);
            return;
        }
        listener.setMessageReceiverListener(this);
        running = true;
        // deliver_sm waits for its response (the gateway's commit): receipts go from as many threads as an SMSC's
        receipts = Executors.newScheduledThreadPool(Integer.getInteger("smshub.simulator.smsc.receipt-threads", 16));
        binds = Executors.newCachedThreadPool();
        binds.execute(this::accept);
        receipts.scheduleWithFixedDelay(this::dropWhenAsked, 100, 100, TimeUnit.MILLISECONDS);
        LOG.info("SMSC simulator listening on port " + port);
    }

    private void accept() {
        while (running) {
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
                sessions.add(session);
                session.addSessionStateListener((state, old, source) -> {
                    if (!state.isBound()) {
                        sessions.remove(session);
                    }
                });
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "bind failed", e);
            session.close();
        }
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
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
        String id = Long.toHexString(IDS.incrementAndGet()).toUpperCase(Locale.ROOT);
        ACCEPTED.put(id, submitSm.getDestAddress() + " " + text(submitSm));
        SWITCHES.count("accepted");
        String outcome = SWITCHES.get("outcome");
        boolean twice = SWITCHES.on("duplicateReceipts");
        if (submitSm.getRegisteredDelivery() != 0) {
            receipts.schedule(() -> receipt(source, submitSm, id, outcome, twice ? 2 : 1),
                    SWITCHES.number("receiptDelayMillis"), TimeUnit.MILLISECONDS);
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (Exception e) {
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    private static String text(SubmitSm submitSm) {
        byte[] octets = submitSm.getShortMessage();
        OptionalParameter.Message_payload payload = submitSm.getOptionalParameter(OptionalParameter.Message_payload.class);
        if ((octets == null || octets.length == 0) && payload != null) {
            octets = payload.getValue();
        }
        return switch (submitSm.getDataCoding() & 0x0F) {
            case 8 -> new String(octets, StandardCharsets.UTF_16BE);
            case 3 -> new String(octets, StandardCharsets.ISO_8859_1);
            default -> new String(octets, StandardCharsets.ISO_8859_1);
        };
    }

    private void receipt(SMPPServerSession session, SubmitSm submitSm, String id, String outcome, int times) {
        String when = new SimpleDateFormat("yyMMddHHmm", Locale.ROOT).format(new Date());
        String text = "id:" + id + " sub:001 dlvrd:" + ("DELIVRD".equals(outcome) ? "001" : "000") + " submit date:" + when
                + " done date:" + when + " stat:" + outcome + " err:000 text:";
        for (int i = 0; i < times; i++) {
            try {
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, submitSm.getDestAddress(),
                        TypeOfNumber.valueOf(submitSm.getSourceAddrTon()), NumberingPlanIndicator.valueOf(submitSm.getSourceAddrNpi()),
                        submitSm.getSourceAddr(), new ESMClass(MessageType.SMSC_DEL_RECEIPT.value()), (byte) 0, (byte) 0,
                        new RegisteredDelivery(0), GeneralDataCoding.DEFAULT, text.getBytes(StandardCharsets.ISO_8859_1),
                        new OptionalParameter.Receipted_message_id(id),
                        new OptionalParameter.Message_state(state(outcome)));
                SWITCHES.count("receiptsSent");
            } catch (Exception e) {
                SWITCHES.count("receiptsRefused");
                LOG.log(Level.FINE, "receipt " + id + " not taken", e);
            }
        }
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
            for (SMPPServerSession session : sessions) {
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
        running = false;
        for (SMPPServerSession session : sessions) {
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
        throw notSimulated("query_sm");
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
