package com.smshub.sending.control;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;

/**
 * Hands messages to dispatch: one persistent JMS message per message, its body the message id, sent in the
 * caller's JTA transaction (DispatchRelay's, DispatchSweeper's).
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
}
