package com.smshub.provider.smpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsmpp.DefaultPDUReader;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
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
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.socket.SocketConnectionFactory;

import com.smshub.kernel.Configuration;
import com.smshub.kernel.Counters;
import com.smshub.kernel.LogContext;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.RateLimitedLog;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.PolledStatus;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.SessionProviding.ProviderSession;
import com.smshub.provider.spi.StatusPolling;

/**
 * One account's bound session (a transceiver, or a transmitter and a receiver on two connections):
 * submit_sm on the session's own threads, as many as its window, each waiting for its own response, a long
 * text as concatenated parts one after the other; query_sm when the core asks about a message; and what
 * comes back in deliver_sm (receipts, messages from subscribers) handed to the core's port before
 * deliver_sm_resp goes (what the core could not take is answered with a temporary error, so that the SMSC
 * delivers it again: never acknowledged and lost).
 */
public final class SmppConnection implements ProviderSession, MessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SmppConnection.class.getName());
    static final String SOURCE = "SMPP_RECEIPT";
    /** After the SMSC's first throttling answer the session pauses this long, twice as long at each next one. */
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;
    /** How often a later part of a long text is offered again when the SMSC is busy, before its outcome is unknown. */
    private static final int PART_TRIES = 5;
    /**
     * A receipt for an id not recorded yet (it came before our commit of its submit_sm_resp) is tried again
     * after this pause, twice as long at each next try (at most {@link #LONGEST_EARLY_PAUSE_MILLIS}), until
     * {@link #earlyReceiptWaitMillis()} have passed; then it is parked with the core.
     */
    private static final long FIRST_EARLY_PAUSE_MILLIS = 20;
    private static final long LONGEST_EARLY_PAUSE_MILLIS = 250;
    /**
     * The session's handler threads that an early receipt may never take: the submit_sm_resp its commit waits
     * for is handled on the same threads, and with every thread asleep on an early receipt it waited for all of
     * them (thread dumps: a session at 49 messages a second, docs/benchmarks.md, twelfth round).
     */
    static final int RESERVED_HANDLERS = 2;

    /** SMPP 3.4's message_id: a C-Octet String of up to 65 octets, its NUL included. */
    static final int MOST_ID_OCTETS = 64;
    private static final Pattern ID = Pattern.compile("\\bid:\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STAT = Pattern.compile("\\bstat:\\s*(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ERR = Pattern.compile("\\berr:\\s*(\\w+)", Pattern.CASE_INSENSITIVE);

    private final ProviderCode provider;
    private final Account account;
    private final SmppSettings settings;
    private final ProviderEvents events;
    private final ReceiptErrors errors;
    /** Where submit_sm and query_sm go; where deliver_sm comes from (the same session for a transceiver). */
    private final SMPPSession transmitter;
    private final SMPPSession receiver;
    /** The threads a group's submit_sm go out on, as many as the window: the window's cap on this session. */
    private final ThreadPoolExecutor pipeline;
    /** The submits waiting for a thread of the pipeline: failed as not sent when the session closes. */
    private final BlockingQueue<Runnable> queued = new LinkedBlockingQueue<>();
    private final AtomicInteger references = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));
    /** Receipts to the core, a transaction for each group that gathers while the last one commits. */
    private final ReceiptGroups receipts;
    /** Handler threads an early receipt may wait on: the window's worth, never the reserved ones. */
    private final Semaphore earlyWaits;
    private final long earlyWaitMillis = earlyReceiptWaitMillis();
    /** The session sends nothing before this (System.nanoTime), after the SMSC asked it to slow down. */
    private volatile long quietUntil;
    private volatile long pauseMillis;

    private SmppConnection(ProviderCode provider, Account account, SmppSettings settings, ProviderEvents events,
            ReceiptErrors errors) {
        this.errors = errors;
        this.provider = provider;
        this.account = account;
        this.settings = settings;
        this.events = events;
        this.transmitter = session(settings, account);
        this.receiver = settings.bind() == SmppSettings.Bind.TRANSCEIVER ? transmitter : session(settings, account);
        receiver.setMessageReceiverListener(this);
        this.receipts = new ReceiptGroups(events, account.name());
        this.earlyWaits = new Semaphore(handlers(settings) - RESERVED_HANDLERS);
        AtomicInteger threads = new AtomicInteger();
        this.pipeline = new ThreadPoolExecutor(settings.window(), settings.window(), 0, TimeUnit.MILLISECONDS, queued, task -> {
            Thread thread = new Thread(task, "smpp-" + account.name() + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * PDUs received and waiting for a handler thread, beyond which jSMPP refuses a deliver_sm with ESME_RTHROTTLED
     * (jSMPP's own default is 100: an SMSC that sends receipts faster than they commit was refused there).
     */
    static int receiveQueue() {
        return Configuration.integer("smshub.smpp.receive-queue", 5000);
    }

    /** How long an early receipt waits for its message's id before it is parked (1 s; the gateway's commits take ms). */
    static long earlyReceiptWaitMillis() {
        return Configuration.number("smshub.smpp.early-receipt-wait-millis", 1000);
    }

    /** Handler threads of a session: one a submit of the window, receipts waiting for their commits beside them. */
    static int handlers(SmppSettings settings) {
        return Math.max(1, settings.window()) + RESERVED_HANDLERS;
    }

    private static SMPPSession session(SmppSettings settings, Account account) {
        int queue = receiveQueue();
        SMPPSession session = new SMPPSession(new SynchronizedPDUSender(new RefusalCountingSender(account.name(), queue)),
                new DefaultPDUReader(), SocketConnectionFactory.getInstance());
        session.setQueueCapacity(queue);
        session.setEnquireLinkTimer(settings.enquireLinkSeconds() * 1000);
        session.setTransactionTimer(settings.responseSeconds() * 1000L);
        // receipts and responses are handled on these threads; a receipt waits for its commit, so as many as
        // the window keeps them from queueing behind one another, and the reserved ones keep responses moving
        session.setPduProcessorDegree(handlers(settings));
        return session;
    }

    /** Connects and binds (a transceiver, or a transmitter and then a receiver); throws when a bind fails. */
    public static SmppConnection open(ProviderCode provider, Account account, SmppSettings settings, ProviderEvents events,
            ReceiptErrors errors) throws IOException {
        SmppConnection connection = new SmppConnection(provider, account, settings, events, errors);
        try {
            if (settings.bind() == SmppSettings.Bind.TRANSCEIVER) {
                connection.bind(connection.transmitter, BindType.BIND_TRX);
            } else {
                connection.bind(connection.transmitter, BindType.BIND_TX);
                connection.bind(connection.receiver, BindType.BIND_RX);
            }
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private void bind(SMPPSession session, BindType type) throws IOException {
        session.connectAndBind(settings.host(), settings.port(), new BindParameter(type, account.username(),
                account.secret(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                settings.responseSeconds() * 1000L);
    }

    public Account account() {
        return account;
    }

    @Override
    public boolean isAlive() {
        return transmitter.getSessionState().isBound() && receiver.getSessionState().isBound();
    }

    /** The window's threads at work: each sends a submit_sm and waits for its response. */
    @Override
    public int inFlight() {
        return pipeline.getActiveCount();
    }

    /** jSMPP sends enquire_link itself, every enquireLinkSeconds of silence; a dead link unbinds the session. */
    @Override
    public void keepAlive() {
        // nothing to add to jSMPP's own enquire_link
    }

    /**
     * Closes the session: a submit still waiting for its turn is cancelled (its dispatch learns it was not sent), one
     * under way ends as the unbind cuts it off (its outcome unknown), so no dispatch thread waits on a closed session.
     */
    @Override
    public void close() {
        pipeline.shutdown();
        List<Runnable> waiting = new ArrayList<>();
        queued.drainTo(waiting);
        for (Runnable submit : waiting) {
            if (submit instanceof Future<?> future) {
                future.cancel(false);
            }
        }
        receipts.close();
        for (SMPPSession session : transmitter == receiver ? List.of(transmitter) : List.of(receiver, transmitter)) {
            try {
                session.unbindAndClose();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Unbind of " + account + " failed; the connection is closed anyway", e);
            }
        }
    }

    /**
     * Hands one message to the SMSC, a long text part after part; never throws for what the SMSC or the
     * network did. Once a part has gone, the message can no longer be refused whole: a later part the SMSC
     * will not take makes its outcome unknown, never a resend of the parts that went.
     */
    SendOutcome submit(OutboundMessage message) {
        if (!transmitter.getSessionState().isTransmittable()) {
            return new SendOutcome.Retry("the SMPP session of " + account.name() + " is not bound");
        }
        long quiet = quietUntil - System.nanoTime();
        if (quiet > 0) {
            return new SendOutcome.Throttled("the SMSC asked " + account.name() + " to slow down; quiet for "
                    + TimeUnit.NANOSECONDS.toMillis(quiet) + " ms more");
        }
        SmsContent content = message.content();
        List<Submission> parts = Submission.of(content, settings.alphabet(), settings.longMessages(),
                references.getAndIncrement() & (settings.longMessages() == SmppSettings.LongMessages.SAR ? 0xFFFF : 0xFF));
        List<String> ids = new ArrayList<>(parts.size());
        for (Submission part : parts) {
            SendOutcome outcome = submit(message, part);
            for (int tries = 1; !ids.isEmpty() && tries < PART_TRIES
                    && (outcome instanceof SendOutcome.Throttled || outcome instanceof SendOutcome.Retry); tries++) {
                if (!pause(tries)) {
                    break;
                }
                outcome = submit(message, part);
            }
            if (outcome instanceof SendOutcome.Accepted accepted) {
                ids.add(accepted.providerMessageId());
            } else if (ids.isEmpty()) {
                return outcome;
            } else {
                return new SendOutcome.Unknown("parts 1-" + ids.size() + " of " + parts.size() + " taken ("
                        + String.join(",", ids) + "), part " + (ids.size() + 1) + " not: " + outcome);
            }
        }
        return parts.size() == 1 ? new SendOutcome.Accepted(ids.get(0), "0")
                : new SendOutcome.Accepted(SendOutcome.Accepted.joined(ids), "0", true, ids);
    }

    /**
     * Hands a dispatch group's messages (or one message) to the SMSC pipelined, never more than the window at
     * once on this session, each waiting for its own submit_sm_resp; one outcome a message, in order. A message not
     * yet started when the dispatch thread is interrupted, when the session closes or when the wait's bound passes
     * was not sent (retried); one under way is waited for until the bound, then its outcome is unknown. The bound
     * ({@link #waitBound}) leaves room for every message's parts and the SMSC's pauses: it only ends a wait that
     * nothing else would.
     */
    public List<SendOutcome> submitAll(List<OutboundMessage> messages) {
        // a message alone goes through the same threads: the window holds for every dispatch at once
        List<Future<SendOutcome>> pending = new ArrayList<>(messages.size());
        for (OutboundMessage message : messages) {
            try {
                pending.add(pipeline.submit(() -> submit(message)));
            } catch (RejectedExecutionException e) {
                pending.add(CompletableFuture.completedFuture(new SendOutcome.Retry("the session closed before sending")));
            }
        }
        List<SendOutcome> outcomes = new ArrayList<>(messages.size());
        boolean interrupted = false;
        long deadline = System.nanoTime() + waitBound(messages.size()).toNanos();
        for (Future<SendOutcome> outcome : pending) {
            while (true) {
                try {
                    outcomes.add(outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (outcome.cancel(false)) {
                        outcomes.add(new SendOutcome.Retry("interrupted before sending"));
                        break;
                    }
                } catch (TimeoutException e) {
                    outcomes.add(outcome.cancel(false) ? new SendOutcome.Retry("not started within " + waitBound(messages.size()))
                            : new SendOutcome.Unknown("no outcome within " + waitBound(messages.size())));
                    break;
                } catch (CancellationException e) {
                    outcomes.add(new SendOutcome.Retry("the session closed before sending"));
                    break;
                } catch (ExecutionException e) {
                    outcomes.add(new SendOutcome.Unknown("submit failed: " + e.getCause()));
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcomes;
    }

    /** The most parts a long message has (1,600 characters of UCS-2 in 67-character parts: 24). */
    private static final int MOST_PARTS = 24;

    /**
     * How long a dispatch waits for its messages' outcomes: each round of the window, every part of the longest
     * message may wait its response and be offered again after the SMSC's longest pause; at least a minute.
     */
    Duration waitBound(int messages) {
        long rounds = (messages + settings.window() - 1) / settings.window();
        long perPart = settings.responseSeconds() * 1000L + LONGEST_PAUSE_MILLIS;
        return Duration.ofMillis(Math.max(60_000, rounds * MOST_PARTS * perPart));
    }

    private SendOutcome submit(OutboundMessage message, Submission part) {
        Address from = Address.of(message.content().originator());
        try {
            SubmitSmResult result = transmitter.submitShortMessage("", from.ton(), from.npi(), from.value(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, message.recipient().digits(),
                    part.esmClass(), (byte) 0, (byte) 0, SmppTime.absolute(message.content().scheduledAt()),
                    SmppTime.validity(message.content().scheduledAt(), message.content().validityMinutes()),
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, part.dataCoding(), (byte) 0,
                    part.shortMessage(), part.optionalParameters());
            pauseMillis = 0;
            return new SendOutcome.Accepted(SmppIds.ofSubmit(result.getMessageId()), "0");
        } catch (NegativeResponseException e) {
            SendOutcome outcome = SmppCodes.ofCommandStatus(e.getCommandStatus());
            if (outcome instanceof SendOutcome.Throttled) {
                slowDown();
            }
            return outcome;
        } catch (PDUException e) {
            return new SendOutcome.Rejected("PDU", "not a valid submit_sm: " + e.getMessage(), false);
        } catch (ResponseTimeoutException e) {
            return new SendOutcome.Unknown("no submit_sm_resp within " + settings.responseSeconds() + " s");
        } catch (IOException e) {
            if (closedBeforeWriting(e)) {
                // the session closed between the check in submit(OutboundMessage) and jSMPP's own: nothing was written
                return new SendOutcome.Retry("the SMPP session of " + account.name() + " closed before submit_sm: " + e.getMessage());
            }
            // the request may have left before the connection failed: only the SMSC knows
            return new SendOutcome.Unknown("submit_sm sent, no valid answer: " + e.getMessage());
        } catch (InvalidResponseException e) {
            return new SendOutcome.Unknown("submit_sm sent, no valid answer: " + e.getMessage());
        }
    }

    /**
     * Whether jSMPP refused the submit before writing anything: its session checks its own state first and says
     * "Cannot submit_sm while session ... in state ..." (SmppConnectionTest reads that from jSMPP itself). Any other
     * failure may come after the PDU left.
     */
    static boolean closedBeforeWriting(IOException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Cannot submit_sm while session");
    }

    /** ESME_RTHROTTLED or ESME_RMSGQFUL: the whole session pauses, longer at each answer in a row, up to 5 s. */
    private void slowDown() {
        long pause = Math.min(LONGEST_PAUSE_MILLIS, Math.max(FIRST_PAUSE_MILLIS, pauseMillis * 2));
        pauseMillis = pause;
        quietUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause);
        LOG.fine(() -> "The SMSC of " + account + " throttles; the session pauses " + pause + " ms");
    }

    /** Waits before offering a later part again; false when interrupted. */
    private boolean pause(int tries) {
        try {
            Thread.sleep(Math.max(FIRST_PAUSE_MILLIS * tries, TimeUnit.NANOSECONDS.toMillis(quietUntil - System.nanoTime())));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * query_sm for each message (each part of a long one, rolled up): what the SMSC says of it now. A message
     * whose submit_sm_resp never came has no id to ask by, and stays unknown until the status deadline.
     */
    public Map<String, PolledStatus> query(List<StatusPolling.Query> queries) {
        Map<String, PolledStatus> answers = new LinkedHashMap<>();
        if (!transmitter.getSessionState().isTransmittable()) {
            return answers;
        }
        for (StatusPolling.Query query : queries) {
            if (query.ids().isEmpty()) {
                continue;
            }
            List<MessageStatus> parts = new ArrayList<>();
            String stat = null;
            String error = null;
            try {
                for (String id : query.ids()) {
                    QuerySmResult result = transmitter.queryShortMessage(id, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "");
                    stat = SmppCodes.statOfMessageState(result.getMessageState().value());
                    error = String.valueOf(result.getErrorCode() & 0xFF);
                    parts.add(SmppCodes.ofReceiptStat(stat));
                }
            } catch (NegativeResponseException e) {
                // ESME_RQUERYFAIL and the like: the SMSC does not know it (yet); asked again later
                continue;
            } catch (PDUException | ResponseTimeoutException | InvalidResponseException | IOException e) {
                LOG.log(Level.FINE, "query_sm on " + account + " not answered", e);
                return answers;
            }
            answers.put(query.messageId(), new PolledStatus(MessageStatus.rollUp(parts),
                    new ProviderReport(provider, stat, error, query.providerMessageId())));
        }
        return answers;
    }

    /**
     * Every deliver_sm is answered: one that is well-formed once what it says is recorded (or, when the core
     * cannot take it now, with a temporary error, so that the SMSC delivers it again); a malformed one (SAR TLVs
     * that do not fit together, a message id longer than SMPP's 64 octets, a header that does not parse) with a
     * permanent error, ESME_RX_P_APPN, counted ({@code smpp.deliver-sm-malformed}) and logged at most once a
     * minute, so that an SMSC never sends it again for ever.
     */
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try (LogContext context = LogContext.of(LogContext.PROVIDER, account.provider().name(), LogContext.ACCOUNT, account.name())) {
            accept(deliverSm);
        }
    }

    private void accept(DeliverSm deliverSm) throws ProcessRequestException {
        if (!deliverSm.isSmscDeliveryReceipt()) {
            MobileOriginated message;
            try {
                message = MobileOriginated.of(deliverSm, account.id());
            } catch (RuntimeException e) {
                throw malformed("message from a subscriber", e);
            }
            fromSubscriber(message);
            return;
        }
        DeliveryReport report;
        try {
            report = receipt(deliverSm);
        } catch (RuntimeException e) {
            throw malformed("receipt", e);
        }
        if (report == null) {
            LOG.warning(() -> "A receipt on " + account + " names no message id; acknowledged and ignored: "
                    + withoutText(new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1)));
            return;
        }
        try {
            if (receipts.apply(report) != ProviderEvents.ReportResult.UNKNOWN_MESSAGE) {
                return;
            }
            // before our commit of its submit_sm_resp the id is not ours yet: wait for it a little, on a thread
            // a response never needs; with none free, or with the commit late (or the id not ours), the core
            // keeps the receipt until a message has the id (applied within a second of that)
            if (!earlyWaits.tryAcquire()) {
                Counters.increment("smpp.receipt-parked-at-once");
                events.park(report);
                return;
            }
            try {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(earlyWaitMillis);
                for (long pause = FIRST_EARLY_PAUSE_MILLIS; System.nanoTime() < until;
                        pause = Math.min(LONGEST_EARLY_PAUSE_MILLIS, pause * 2)) {
                    Thread.sleep(Math.max(1, Math.min(pause, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
                    if (receipts.apply(report) != ProviderEvents.ReportResult.UNKNOWN_MESSAGE) {
                        return;
                    }
                }
            } finally {
                earlyWaits.release();
            }
            Counters.increment("smpp.receipt-parked");
            events.park(report);
            return;
        } catch (InterruptedException e) {
            // the session closes under it: refused (and counted by the sender), for the SMSC to deliver again
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.WARNING, "Receipt on " + account + " not recorded; the SMSC is asked to deliver it again", e);
        }
        throw new ProcessRequestException("receipt not recorded yet", SMPPConstant.STAT_ESME_RX_T_APPN);
    }

    private static final RateLimitedLog MALFORMED = new RateLimitedLog(LOG);

    /** The answer to a deliver_sm that can never be taken as it is. */
    private ProcessRequestException malformed(String what, RuntimeException cause) {
        Counters.increment("smpp.deliver-sm-malformed");
        MALFORMED.warn(account.name(), () -> "A malformed " + what + " on " + account + " is refused for good (ESME_RX_P_APPN): "
                + cause.getMessage());
        return new ProcessRequestException("malformed " + what + ": " + cause.getMessage(), SMPPConstant.STAT_ESME_RX_P_APPN);
    }

    /** A message from a subscriber, or one part of a long one, stored before it is acknowledged. */
    private void fromSubscriber(MobileOriginated message) throws ProcessRequestException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        InboundMessage inbound = new InboundMessage(provider, account.id(), message.id(), message.from(), message.to(),
                message.text(), message.binaryHex(), now, null, false);
        try {
            if (message.part() == null) {
                events.inbound(inbound);
            } else {
                events.inboundPart(inbound, message.part());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Message from a subscriber on " + account + " not stored; the SMSC is asked to deliver it again", e);
            throw new ProcessRequestException("message not stored yet", SMPPConstant.STAT_ESME_RX_T_APPN);
        }
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
        if (id.length() > MOST_ID_OCTETS) {
            throw new IllegalArgumentException("a message id of " + id.length() + " characters (SMPP 3.4: at most " + MOST_ID_OCTETS + ")");
        }
        String canonical = SmppIds.ofReceipt(id, settings.receiptIds());
        String err = find(ERR, text);
        ReceiptErrors.Reading reading = errors.read(stat == null ? MessageStatus.UNKNOWN : SmppCodes.ofReceiptStat(stat), err);
        return new DeliveryReport(MessageRef.theirs(account, canonical), reading.status(),
                new ProviderReport(provider, stat, err, canonical), SOURCE, reading.reason());
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

    /** A receipt's fields without its {@code text:} (the start of the subscriber's message), which no log line carries. */
    static String withoutText(String receipt) {
        int text = receipt.toLowerCase(Locale.ROOT).indexOf("text:");
        return text < 0 ? receipt : receipt.substring(0, text) + "text:(not logged)";
    }
}
