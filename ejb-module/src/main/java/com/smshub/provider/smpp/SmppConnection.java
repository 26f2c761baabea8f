package com.smshub.provider.smpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;

import com.smshub.kernel.Gsm7;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.SessionProviding.ProviderSession;

/**
 * One account's bound transceiver session: submit_sm from up to the window's dispatch threads at once, each
 * waiting for its own response, and the receipts that come back in deliver_sm handed to the core's port
 * before deliver_sm_resp goes (a receipt the core could not take is answered with a temporary error, so
 * that the SMSC delivers it again: never acknowledged and lost).
 */
public final class SmppConnection implements ProviderSession, MessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SmppConnection.class.getName());
    /** The most octets short_message carries; a longer message goes whole in message_payload. */
    static final int SHORT_MESSAGE = 140;
    static final String SOURCE = "SMPP_RECEIPT";
    /** How long a receipt for an id not yet recorded (it came before our commit of submit_sm_resp) is retried. */
    private static final int EARLY_RECEIPT_TRIES = 8;
    private static final long EARLY_RECEIPT_PAUSE_MILLIS = 250;

    private static final Pattern ID = Pattern.compile("\\bid:\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STAT = Pattern.compile("\\bstat:\\s*(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ERR = Pattern.compile("\\berr:\\s*(\\w+)", Pattern.CASE_INSENSITIVE);

    private final ProviderCode provider;
    private final Account account;
    private final SmppSettings settings;
    private final ProviderEvents events;
    private final SMPPSession session = new SMPPSession();

    private SmppConnection(ProviderCode provider, Account account, SmppSettings settings, ProviderEvents events) {
        this.provider = provider;
        this.account = account;
        this.settings = settings;
        this.events = events;
    }

    /** Connects and binds as a transceiver; throws when either fails. */
    public static SmppConnection open(ProviderCode provider, Account account, SmppSettings settings, ProviderEvents events)
            throws IOException {
        SmppConnection connection = new SmppConnection(provider, account, settings, events);
        SMPPSession session = connection.session;
        session.setEnquireLinkTimer(settings.enquireLinkSeconds() * 1000);
        session.setTransactionTimer(settings.responseSeconds() * 1000L);
        // receipts and responses are handled on these threads; a receipt waits for its commit, so as many as
        // the window keeps them from queueing behind one another
        session.setPduProcessorDegree(Math.max(3, settings.window()));
        session.setMessageReceiverListener(connection);
        session.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, account.username(),
                account.secret(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                settings.responseSeconds() * 1000L);
        return connection;
    }

    public Account account() {
        return account;
    }

    @Override
    public boolean isAlive() {
        return session.getSessionState().isBound();
    }

    /** jSMPP sends enquire_link itself, every enquireLinkSeconds of silence; a dead link unbinds the session. */
    @Override
    public void keepAlive() {
        // nothing to add to jSMPP's own enquire_link
    }

    @Override
    public void close() {
        try {
            session.unbindAndClose();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Unbind of " + account + " failed; the connection is closed anyway", e);
        }
    }

    /** Hands one message to the SMSC; never throws for what the SMSC or the network did. */
    public SendOutcome submit(OutboundMessage message) {
        if (!session.getSessionState().isTransmittable()) {
            return new SendOutcome.Retry("the SMPP session of " + account.name() + " is not bound");
        }
        Submission submission = Submission.of(message.content(), settings.alphabet());
        Address from = Address.of(message.content().originator());
        try {
            SubmitSmResult result = session.submitShortMessage("", from.ton(), from.npi(), from.value(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, message.recipient().digits(),
                    submission.esmClass(), (byte) 0, (byte) 0, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, submission.dataCoding(), (byte) 0,
                    submission.shortMessage(), submission.optionalParameters());
            return new SendOutcome.Accepted(SmppIds.ofSubmit(result.getMessageId()), "0");
        } catch (NegativeResponseException e) {
            return SmppCodes.ofCommandStatus(e.getCommandStatus());
        } catch (PDUException e) {
            return new SendOutcome.Rejected("PDU", "not a valid submit_sm: " + e.getMessage(), false);
        } catch (ResponseTimeoutException e) {
            return new SendOutcome.Unknown("no submit_sm_resp within " + settings.responseSeconds() + " s");
        } catch (InvalidResponseException | IOException e) {
            // the request may have left before the connection failed: only the SMSC knows
            return new SendOutcome.Unknown("submit_sm sent, no valid answer: " + e.getMessage());
        }
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (!deliverSm.isSmscDeliveryReceipt()) {
            // messages from subscribers are stored from a later version on; until then the SMSC keeps them
            LOG.warning(() -> "A message from a subscriber on " + account + " refused for now: inbound SMPP is not taken yet");
            throw new ProcessRequestException("inbound messages are not taken yet", SMPPConstant.STAT_ESME_RX_T_APPN);
        }
        DeliveryReport report = receipt(deliverSm);
        if (report == null) {
            LOG.warning(() -> "A receipt on " + account + " names no message id; acknowledged and ignored: "
                    + new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1));
            return;
        }
        try {
            for (int attempt = 1; ; attempt++) {
                ProviderEvents.ReportResult result = events.reports(List.of(report)).get(0);
                if (result != ProviderEvents.ReportResult.UNKNOWN_MESSAGE) {
                    return;
                }
                if (attempt == EARLY_RECEIPT_TRIES) {
                    break;
                }
                // before our commit of its submit_sm_resp, the id is not ours yet: wait for it
                Thread.sleep(EARLY_RECEIPT_PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Receipt on " + account + " not recorded; the SMSC is asked to deliver it again", e);
        }
        throw new ProcessRequestException("receipt not recorded yet", SMPPConstant.STAT_ESME_RX_T_APPN);
    }

    /** The receipt's id and state, from the receipted_message_id and message_state TLVs where present, else its text. */
    DeliveryReport receipt(DeliverSm deliverSm) {
        String text = deliverSm.getShortMessage() == null ? "" : new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1);
        OptionalParameter.Receipted_message_id idParameter = deliverSm.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
        OptionalParameter.Message_state stateParameter = deliverSm.getOptionalParameter(OptionalParameter.Message_state.class);
        String id = idParameter != null ? idParameter.getValueAsString() : find(ID, text);
        String stat = stateParameter != null ? SmppCodes.statOfMessageState(stateParameter.getValue()) : find(STAT, text);
        if (id == null || id.isBlank()) {
            return null;
        }
        String canonical = SmppIds.ofReceipt(id, settings.receiptIds());
        MessageStatus status = stat == null ? MessageStatus.UNKNOWN : SmppCodes.ofReceiptStat(stat);
        return new DeliveryReport(MessageRef.theirs(provider, canonical), status,
                new ProviderReport(provider, stat, find(ERR, text), canonical), SOURCE);
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // not asked for
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not taken", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    /** The PDU fields a message's content becomes. */
    record Submission(ESMClass esmClass, DataCoding dataCoding, byte[] shortMessage, OptionalParameter[] optionalParameters) {

        static Submission of(SmsContent content, SmppSettings.Alphabet alphabet) {
            MessageClass messageClass = content.flash() ? MessageClass.CLASS0 : null;
            byte[] octets;
            Alphabet coding;
            boolean udhi = false;
            if (content.isBinary()) {
                HexFormat hex = HexFormat.of();
                byte[] data = hex.parseHex(content.binaryHex());
                byte[] udh = content.udhHex() != null ? hex.parseHex(content.udhHex())
                        : content.destinationPort() != null ? ports(content.destinationPort(),
                                content.sourcePort() == null ? 0 : content.sourcePort()) : new byte[0];
                octets = new byte[udh.length + data.length];
                System.arraycopy(udh, 0, octets, 0, udh.length);
                System.arraycopy(data, 0, octets, udh.length, data.length);
                udhi = udh.length > 0;
                coding = Alphabet.ALPHA_8_BIT;
            } else if (Gsm7.covers(content.text()) && alphabet == SmppSettings.Alphabet.GSM) {
                octets = Gsm7.encode(content.text());
                coding = Alphabet.ALPHA_DEFAULT;
            } else if (alphabet == SmppSettings.Alphabet.LATIN1 && StandardCharsets.ISO_8859_1.newEncoder().canEncode(content.text())) {
                octets = content.text().getBytes(StandardCharsets.ISO_8859_1);
                coding = Alphabet.ALPHA_LATIN1;
            } else {
                octets = content.text().getBytes(StandardCharsets.UTF_16BE);
                coding = Alphabet.ALPHA_UCS2;
            }
            DataCoding dataCoding = messageClass == null ? new GeneralDataCoding(coding) : new GeneralDataCoding(coding, messageClass);
            ESMClass esmClass = new ESMClass(udhi ? 0x40 : 0);
            if (octets.length <= SHORT_MESSAGE) {
                return new Submission(esmClass, dataCoding, octets, new OptionalParameter[0]);
            }
            return new Submission(esmClass, dataCoding, new byte[0],
                    new OptionalParameter[] {new OptionalParameter.Message_payload(octets)});
        }

        /** A user data header addressing 16-bit application ports (3GPP TS 23.040, IE 0x05). */
        private static byte[] ports(int destination, int source) {
            return new byte[] {0x06, 0x05, 0x04, (byte) (destination >> 8), (byte) destination, (byte) (source >> 8), (byte) source};
        }
    }

    /** A sender address with its type of number and numbering plan. */
    record Address(TypeOfNumber ton, NumberingPlanIndicator npi, String value) {

        static Address of(Originator originator) {
            if (originator == null) {
                return new Address(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "");
            }
            return switch (originator.type()) {
                case ALPHANUMERIC -> new Address(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, originator.value());
                case NUMERIC -> new Address(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        originator.value().startsWith("+") ? originator.value().substring(1) : originator.value());
                case SHORT_CODE -> new Address(TypeOfNumber.NETWORK_SPECIFIC, NumberingPlanIndicator.UNKNOWN, originator.value());
            };
        }
    }
}
