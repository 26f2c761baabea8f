package com.smshub.sending.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;

/**
 * Hands accepted messages to dispatch: one persistent JMS message per message, its body the message id,
 * sent in the caller's JTA transaction, so that a message is queued if and only if it is stored. A message
 * scheduled for later is delivered by the broker when it is due.
 */
@ApplicationScoped
public class DispatchQueue {

    /** JNDI name of the dispatch queue (server-module CLI). */
    public static final String QUEUE = "java:/jms/queue/smshub/Dispatch";

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    public void enqueue(List<String> messageIds) {
        JMSProducer producer = jms.createProducer();
        for (String id : messageIds) {
            producer.send(queue, id);
        }
    }

    public void enqueueAt(String messageId, OffsetDateTime due) {
        long delay = Duration.between(OffsetDateTime.now(), due).toMillis();
        jms.createProducer().setDeliveryDelay(Math.max(0, delay)).send(queue, messageId);
    }
}
