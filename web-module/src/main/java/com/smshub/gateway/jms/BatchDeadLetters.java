package com.smshub.gateway.jms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.xml.bind.JAXBException;

import com.smshub.audit.boundary.AuditTrail;
import com.smshub.sending.boundary.Batches;

/**
 * The batch dead-letter queue ({@code smshub.batches.dlq}) for operators: what is in it, read in place; a dead letter
 * replayed (taken as the batch queue takes a message, as the tenant the broker stamped on it when it was first sent,
 * in one transaction with its removal: accepted and gone, or still there with the reason it cannot be taken); or
 * discarded. A message is named by its JMSMessageID.
 */
@Stateless
@RolesAllowed("operator")
public class BatchDeadLetters {

    /** The most a listing reads, and of a message's text the most it shows. */
    static final int MOST = 500;
    static final int TEXT_SHOWN = 4_000;

    /** One dead letter as an operator reads it; {@code text} cut at 4,000 characters. */
    public record DeadLetter(String id, long sentAt, String sender, String tenant, String originalQueue, Integer deliveries,
            int length, String text) {
    }

    /** What a replay or discard came to; {@code reason} why a replayed one could not be taken. */
    public record Outcome(Result result, String reason) {
    }

    public enum Result { DONE, NOT_FOUND, UNPROCESSABLE }

    @Resource(lookup = "java:/jms/queue/smshub/BatchesDLQ")
    Queue deadLetters;

    @Inject
    JMSContext jms;

    @EJB
    Batches batches;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    /** The dead letters, oldest first, at most 500. */
    public List<DeadLetter> list() throws JMSException {
        List<DeadLetter> found = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(deadLetters)) {
            for (Message m : Collections.list((Enumeration<Message>) browser.getEnumeration())) {
                if (found.size() == MOST) {
                    break;
                }
                found.add(deadLetter(m));
            }
        }
        return found;
    }

    /** Takes the dead letter as the batch queue would; rolled back, and left in place, where it still cannot be. */
    public Outcome replay(String id) throws JMSException {
        Message message = take(id);
        if (message == null) {
            return new Outcome(Result.NOT_FOUND, null);
        }
        try {
            BatchQueueListener.take(message, batches, jms, false);
            audit.record("dead-letter.replay", "dead-letter/" + id, state(message), "{\"replayed\":true}");
            return new Outcome(Result.DONE, null);
        } catch (JAXBException | JMSException | IllegalArgumentException e) {
            session.setRollbackOnly();
            return new Outcome(Result.UNPROCESSABLE, BatchQueueListener.reason(e));
        }
    }

    /** Removes the dead letter for good. */
    public Outcome discard(String id) throws JMSException {
        Message message = take(id);
        if (message == null) {
            return new Outcome(Result.NOT_FOUND, null);
        }
        audit.record("dead-letter.discard", "dead-letter/" + id, state(message), null);
        return new Outcome(Result.DONE, null);
    }

    /** What the audit keeps of a dead letter: whose it was and where from, not its text (numbers, messages). */
    private String state(Message m) throws JMSException {
        DeadLetter letter = deadLetter(m);
        return Json.createObjectBuilder().add("queue", deadLetters.getQueueName())
                .add("sender", letter.sender() == null ? "" : letter.sender())
                .add("originalQueue", letter.originalQueue() == null ? "" : letter.originalQueue())
                .add("length", letter.length()).build().toString();
    }

    /** The message, received in this transaction; null where the queue holds no such message. */
    private Message take(String id) {
        if (id == null || !id.matches("ID:[0-9A-Za-z-]{1,64}")) {
            return null;
        }
        try (JMSConsumer consumer = jms.createConsumer(deadLetters, "JMSMessageID = '" + id + "'")) {
            return consumer.receive(2_000);
        }
    }

    private static DeadLetter deadLetter(Message m) throws JMSException {
        String text = m instanceof TextMessage t ? t.getText() : null;
        return new DeadLetter(m.getJMSMessageID(), m.getJMSTimestamp(), m.getStringProperty(BatchQueueListener.AUTHENTICATED_USER),
                m.getStringProperty(BatchQueueListener.TENANT_PROPERTY), m.getStringProperty("_AMQ_ORIG_QUEUE"),
                m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : null,
                text == null ? 0 : text.length(),
                text == null ? "(not a text message: " + m.getClass().getSimpleName() + ")"
                        : text.length() > TEXT_SHOWN ? text.substring(0, TEXT_SHOWN) : text);
    }
}
