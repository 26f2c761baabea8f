package com.smshub.provider.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;
import com.smshub.kernel.Counters;
import com.smshub.kernel.Gsm7;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.SmsContent;
import com.smshub.kernel.ProviderCode;
import com.smshub.platform.ProviderSecrets;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.Settings;
import com.smshub.routing.entity.ProviderAccount;

/**
 * Messages from subscribers over a real SMPP session into the real store: an SMSC (jSMPP's server side, in
 * the test) delivers deliver_sm to the gateway's connection, which stores each message through the core's
 * port before it answers. A whole message delivered twice is stored once; a long one's parts, out of order
 * and one of them twice, become one message with its text joined, and no part is left behind.
 */
@ExtendWith(ArquillianExtension.class)
class SmppInboundIT {

    private static final String NAME = "it-smpp-inbound";
    private static final int PORT = 2799;

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("smpp-inbound-it");
    }

    @Inject
    ProviderEvents events;

    @Inject
    ProviderSecrets secrets;

    @Inject
    SmppSessions sessions;

    @Inject
    UserTransaction tx;

    @Resource
    ManagedExecutorService executor;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private final Submits submits = new Submits();
    private SMPPServerSessionListener listener;
    private SMPPServerSession smsc;
    private SmppConnection connection;
    private Account account;

    @BeforeEach
    void bind() throws Exception {
        ProviderAccount entity = new ProviderAccount(ProviderCode.valueOf("MYMSP"), NAME);
        // disabled: the gateway's session keeper leaves it to this test
        entity.configure("smpp://127.0.0.1:" + PORT, "it", secrets.seal("it-pw", NAME), null, false, null, null, null);
        tx.begin();
        em.persist(entity);
        tx.commit();
        // a window of one: a second submit waits for the first's turn
        account = new Account(entity.getId(), NAME, ProviderCode.valueOf("MYMSP"), entity.getEndpointUrl(), "it", "it-pw",
                new Settings(Map.of("window", "1")), null);
        listener = new SMPPServerSessionListener(PORT);
        connect();
    }

    /** The gateway's connection again, with a window of {@code window} and these system properties set while it opens. */
    private void reconnect(int window, Map<String, String> properties) throws Exception {
        connection.close();
        smsc.close();
        account = new Account(account.id(), NAME, ProviderCode.valueOf("MYMSP"), account.endpointUrl(), "it", "it-pw",
                new Settings(Map.of("window", String.valueOf(window))), null);
        properties.forEach(System::setProperty);
        try {
            connect();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    /** The gateway's connection bound to the test's SMSC. */
    private void connect() throws Exception {
        Future<SMPPServerSession> bound = executor.submit(() -> {
            SMPPServerSession session = listener.accept();
            BindRequest request = session.waitForBind(10_000);
            assertEquals(BindType.BIND_TRX, request.getBindType());
            request.accept("IT");
            session.setMessageReceiverListener(submits);
            return session;
        });
        connection = SmppConnection.open(ProviderCode.valueOf("MYMSP"), account,
                SmppSettings.of("myMSP", account, SmppSettings.Alphabet.GSM, Set.of()), events, ReceiptErrors.NONE);
        smsc = bound.get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void unbind() throws Exception {
        connection.close();
        smsc.close();
        listener.close();
        tx.begin();
        em.createNativeQuery("DELETE FROM parked_report WHERE code = '99999999999999999999999999999999' "
                + "OR provider_message_id LIKE '9999999999%'").executeUpdate();
        em.createNativeQuery("DELETE FROM inbound_message WHERE provider_account_id = ?").setParameter(1, account.id()).executeUpdate();
        em.createNativeQuery("DELETE FROM inbound_part WHERE provider_account_id = ?").setParameter(1, account.id()).executeUpdate();
        em.createNativeQuery("DELETE FROM provider_session WHERE account_id = ?").setParameter(1, account.id()).executeUpdate();
        em.createQuery("DELETE FROM ProviderAccount a WHERE a.name = :name").setParameter("name", NAME).executeUpdate();
        tx.commit();
    }

    /** The SMSC's deliver_sm; it returns once the gateway has answered, that is once it has stored the message. */
    private void deliver(String text, byte[] header, OptionalParameter... parameters) throws Exception {
        byte[] septets = Gsm7.encode(text);
        byte[] octets = new byte[header.length + septets.length];
        System.arraycopy(header, 0, octets, 0, header.length);
        System.arraycopy(septets, 0, octets, header.length, septets.length);
        smsc.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "4791234567",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "2020", new ESMClass(header.length > 0 ? 0x40 : 0),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), octets, parameters);
    }

    private static byte[] udh(int reference, int total, int sequence) {
        return new byte[] {0x05, 0x00, 0x03, (byte) reference, (byte) total, (byte) sequence};
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> stored() {
        return em.createNativeQuery("SELECT sender, destination, text_body FROM inbound_message WHERE provider_account_id = ? "
                + "ORDER BY id").setParameter(1, account.id()).getResultList();
    }

    @Test
    void aMessageDeliveredTwiceIsStoredOnce() throws Exception {
        deliver("STOP", new byte[0]);
        deliver("STOP", new byte[0]);
        List<Object[]> stored = stored();
        assertEquals(1, stored.size());
        assertEquals("+4791234567", stored.get(0)[0]);
        assertEquals("2020", stored.get(0)[1]);
        assertEquals("STOP", stored.get(0)[2]);
    }

    @Test
    void aLongMessagesPartsInAnyOrderAndRepeatedBecomeOneMessage() throws Exception {
        deliver("lang melding ", udh(0x42, 3, 2));
        deliver("Dette er en ", udh(0x42, 3, 1));
        deliver("lang melding ", udh(0x42, 3, 2));
        assertEquals(0, stored().size(), "two of three parts: nothing stored yet");
        deliver("i {tre} deler", udh(0x42, 3, 3));
        List<Object[]> stored = stored();
        assertEquals(1, stored.size());
        assertEquals("Dette er en lang melding i {tre} deler", stored.get(0)[2]);
        Number left = (Number) em.createNativeQuery("SELECT COUNT(*) FROM inbound_part WHERE provider_account_id = ?")
                .setParameter(1, account.id()).getSingleResult();
        assertEquals(0, left.intValue());
    }

    /** A receipt as the SMSC writes one, in the short message's text. */
    private void receipt(String text) throws Exception {
        smsc.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "4791234567",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "2020", new ESMClass(0x04), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aMalformedDeliverSmIsAnsweredWithAPermanentErrorNeverLeftToComeAgain() throws Exception {
        NegativeResponseException badSar = assertThrows(NegativeResponseException.class, () -> deliver("Hei ", new byte[0],
                new OptionalParameter.Sar_msg_ref_num((short) 701), new OptionalParameter.Sar_total_segments((byte) 2),
                new OptionalParameter.Sar_segment_seqnum((byte) 3)), "part 3 of 2");
        assertEquals(SMPPConstant.STAT_ESME_RX_P_APPN, badSar.getCommandStatus());
        NegativeResponseException longId = assertThrows(NegativeResponseException.class,
                () -> receipt("id:" + "7".repeat(80) + " sub:001 dlvrd:001 submit date:2612030000 done date:2612030001 stat:DELIVRD err:000"));
        assertEquals(SMPPConstant.STAT_ESME_RX_P_APPN, longId.getCommandStatus(), "SMPP's message_id is at most 64 octets");
        assertEquals(0, stored().size());

        // an err: longer than the history keeps is cut, and the receipt taken (parked here: no message has the id)
        receipt("id:4f2a9c sub:001 dlvrd:001 submit date:2612030000 done date:2612030001 stat:UNDELIV err:" + "9".repeat(100));
    }

    @Test
    void earlyReceiptsForAWholeWindowLeaveTheSubmitResponsesAThread() throws Exception {
        // a window of three; an early receipt waits five seconds for its id before it is parked
        reconnect(3, Map.of("smshub.smpp.early-receipt-wait-millis", "5000"));
        smsc.setTransactionTimer(15_000);
        submits.receiptFirst = true;
        long parkedBefore = Counters.get("smpp.receipt-parked");
        List<SendOutcome> outcomes = connection.submitAll(List.of(outbound("en"), outbound("to"), outbound("tre")));
        List<Future<Integer>> receipts = List.copyOf(submits.receipts);
        assertEquals(3, receipts.size());
        for (SendOutcome outcome : outcomes) {
            assertInstanceOf(SendOutcome.Accepted.class, outcome);
        }
        // before: the three receipts slept on all three handler threads, the responses queued behind them, and
        // the window came back only once the receipts had given up (a session at 49 messages a second)
        assertEquals(0, receipts.stream().filter(Future::isDone).count(),
                "the responses were handled while every receipt of the window still waited for its id");
        for (Future<Integer> receipt : receipts) {
            assertEquals(SMPPConstant.STAT_ESME_ROK, receipt.get(20, TimeUnit.SECONDS), "parked, and acknowledged");
        }
        assertEquals(3, Counters.get("smpp.receipt-parked") - parkedBefore);
        Number parked = (Number) em.createNativeQuery("SELECT COUNT(*) FROM parked_report WHERE provider_message_id IN (?, ?, ?)")
                .setParameter(1, ((SendOutcome.Accepted) outcomes.get(0)).providerMessageId())
                .setParameter(2, ((SendOutcome.Accepted) outcomes.get(1)).providerMessageId())
                .setParameter(3, ((SendOutcome.Accepted) outcomes.get(2)).providerMessageId()).getSingleResult();
        assertEquals(3, parked.intValue(), "kept until a message has the id");
    }

    @Test
    void earlyReceiptsBeyondTheWindowAreParkedAtOnce() throws Exception {
        reconnect(1, Map.of("smshub.smpp.early-receipt-wait-millis", "5000"));
        smsc.setTransactionTimer(15_000);
        long atOnce = Counters.get("smpp.receipt-parked-at-once");
        ExecutorService smscSide = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = "9999999999" + String.format("%02d", i) + UUID.randomUUID().toString().substring(0, 8);
                answers.add(smscSide.submit(() -> {
                    receipt("id:" + id + " sub:001 dlvrd:001 submit date:2612030000 done date:2612030001 stat:DELIVRD err:000");
                    return SMPPConstant.STAT_ESME_ROK;
                }));
            }
            // one waits its five seconds on the window's one thread; the other two are parked and answered at once
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            while (answers.stream().filter(Future::isDone).count() < 2 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(2, answers.stream().filter(Future::isDone).count(), "two answered before the third's wait ended");
            assertEquals(2, Counters.get("smpp.receipt-parked-at-once") - atOnce);
            for (Future<Integer> answer : answers) {
                assertEquals(SMPPConstant.STAT_ESME_ROK, answer.get(20, TimeUnit.SECONDS));
            }
        } finally {
            smscSide.shutdownNow();
        }
    }

    @Test
    void aDeliverSmRefusedForAFullReceiveQueueIsCountedForTheSmscToDeliverAgain() throws Exception {
        // the session again, with a receive queue of one PDU beside its three handler threads (window 1), and
        // receipts that wait long for their ids: one holds the window's handler, the others are parked at once
        reconnect(1, Map.of("smshub.smpp.receive-queue", "1", "smshub.smpp.early-receipt-wait-millis", "5000"));
        smsc.setTransactionTimer(15_000); // a receipt taken waits for a handler thread, and then for its parking
        long before = Counters.get("smpp.deliver-sm-refused.throttled");
        ExecutorService smscSide = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "9999999999" + String.format("%02d", i) + UUID.randomUUID().toString().substring(0, 8);
                answers.add(smscSide.submit(() -> {
                    try {
                        receipt("id:" + id + " sub:001 dlvrd:001 submit date:2612030000 done date:2612030001 stat:DELIVRD err:000");
                        return SMPPConstant.STAT_ESME_ROK;
                    } catch (NegativeResponseException e) {
                        return e.getCommandStatus();
                    }
                }));
            }
            int throttled = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get(30, TimeUnit.SECONDS);
                assertTrue(status == SMPPConstant.STAT_ESME_ROK || status == SMPPConstant.STAT_ESME_RTHROTTLED, "status " + status);
                throttled += status == SMPPConstant.STAT_ESME_RTHROTTLED ? 1 : 0;
            }
            assertTrue(throttled > 0, "a full queue refuses (jSMPP's own answer, which no listener of ours sees)");
            assertEquals(throttled, Counters.get("smpp.deliver-sm-refused.throttled") - before, "every refusal counted");
        } finally {
            smscSide.shutdownNow();
        }
    }

    @Test
    void closingTheSessionEndsEveryWaitingSubmitAndNoDispatchWaitsOnIt() throws Exception {
        submits.hold = new CountDownLatch(1);
        List<OutboundMessage> messages = List.of(outbound("first"), outbound("second"), outbound("third"));
        Future<List<SendOutcome>> outcomes = executor.submit(() -> connection.submitAll(messages));
        assertTrue(submits.arrived.await(10, TimeUnit.SECONDS), "the first submit_sm reached the SMSC, which holds it");
        connection.close();
        List<SendOutcome> ended = outcomes.get(10, TimeUnit.SECONDS); // before: the second and third waited for good
        submits.hold.countDown();
        assertEquals(3, ended.size());
        assertInstanceOf(SendOutcome.Unknown.class, ended.get(0), "under way when the session closed: may have been taken");
        assertInstanceOf(SendOutcome.Retry.class, ended.get(1), "never sent: " + ended.get(1));
        assertInstanceOf(SendOutcome.Retry.class, ended.get(2), "never sent: " + ended.get(2));
        assertEquals(1, submits.count.get(), "only the first reached the SMSC");
    }

    @Test
    void onANodeWithoutTheSessionAMessageWaitsForTheNodeThatHoldsIt() throws Exception {
        // this node's SmppSessions holds no session of the account (the test's connection is its own)
        assertInstanceOf(SendOutcome.Retry.class, sessions.submit(outbound("nobody"), account),
                "no node holds the session: a passing failure, retried within its attempts");
        lease("another-node", java.time.Instant.now().plusSeconds(60));
        SendOutcome waiting = sessions.submit(outbound("elsewhere"), account);
        assertInstanceOf(SendOutcome.Throttled.class, waiting, "held by another node: waits for it, spending no attempt");
        assertTrue(((SendOutcome.Throttled) waiting).reason().contains("another-node"), waiting.toString());
        assertEquals(List.of(waiting.getClass()), sessions.submitAll(List.of(outbound("a group")), account).stream()
                .map(Object::getClass).toList(), "a dispatch group likewise");
        lease("another-node", java.time.Instant.now().minusSeconds(1));
        assertInstanceOf(SendOutcome.Retry.class, sessions.submit(outbound("expired"), account), "an expired lease is nobody's");
        assertEquals(0, submits.count.get(), "nothing went through the test's own session");
    }

    private void lease(String holder, java.time.Instant until) throws Exception {
        tx.begin();
        em.createNativeQuery("DELETE FROM provider_session WHERE account_id = ?").setParameter(1, account.id()).executeUpdate();
        em.createNativeQuery("INSERT INTO provider_session (account_id, holder, expires_at) VALUES (?, ?, ?)")
                .setParameter(1, account.id()).setParameter(2, holder).setParameter(3, java.sql.Timestamp.from(until)).executeUpdate();
        tx.commit();
    }

    private static OutboundMessage outbound(String text) {
        return new OutboundMessage(UUID.randomUUID().toString(), new Msisdn("+4791234567"), SmsContent.text(text).build());
    }

    /** The SMSC's side of submit_sm: counted, answered with an id, or held until released. */
    private static final class Submits implements ServerMessageReceiverListener {
        final AtomicInteger count = new AtomicInteger();
        final CountDownLatch arrived = new CountDownLatch(1);
        volatile CountDownLatch hold;
        /** Each submit's receipt sent before its response (the response 200 ms after it), as fast SMSCs do. */
        volatile boolean receiptFirst;
        /** The answers to those receipts, as the SMSC gets them. */
        final List<Future<Integer>> receipts = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final ExecutorService receiptSender = Executors.newCachedThreadPool();

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            int n = count.incrementAndGet();
            arrived.countDown();
            String id = receiptFirst ? "9999999999" + n + UUID.randomUUID().toString().substring(0, 8) : Integer.toHexString(n);
            try {
                if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
                    throw new ProcessRequestException("held too long", SMPPConstant.STAT_ESME_RSYSERR);
                }
                if (receiptFirst) {
                    receipts.add(receiptSender.submit(() -> {
                        try {
                            source.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "4791234567",
                                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "2020", new ESMClass(0x04), (byte) 0,
                                    (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                                    ("id:" + id + " sub:001 dlvrd:001 submit date:2612030000 done date:2612030001 stat:DELIVRD err:000")
                                            .getBytes(StandardCharsets.US_ASCII));
                            return SMPPConstant.STAT_ESME_ROK;
                        } catch (NegativeResponseException e) {
                            return e.getCommandStatus();
                        }
                    }));
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, org.jsmpp.session.Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    @Test
    void sarPartsAreJoinedToo() throws Exception {
        deliver("Hei ", new byte[0], new OptionalParameter.Sar_msg_ref_num((short) 700),
                new OptionalParameter.Sar_total_segments((byte) 2), new OptionalParameter.Sar_segment_seqnum((byte) 1));
        deliver("på deg", new byte[0], new OptionalParameter.Sar_msg_ref_num((short) 700),
                new OptionalParameter.Sar_total_segments((byte) 2), new OptionalParameter.Sar_segment_seqnum((byte) 2));
        assertEquals("Hei på deg", stored().get(0)[2]);
    }
}
