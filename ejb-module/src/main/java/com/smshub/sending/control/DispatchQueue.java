package com.smshub.sending.control;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;

/**
 * Hands messages to dispatch: one persistent JMS message per dispatch, its body the message id (or the
 * comma-separated ids of a dispatch group), sent in the caller's JTA transaction (DispatchRelay's,
 * DispatchSweeper's).
 */
@ApplicationScoped
public class DispatchQueue {

    /** JNDI name of the dispatch queue (server-module CLI). */
    public static final String QUEUE = "java:/jms/queue/smshub/Dispatch";

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    public void enqueue(List<String> dispatches) {
        JMSProducer producer = jms.createProducer();
        for (String dispatch : dispatches) {
            producer.send(queue, dispatch);
        }
    }

    /** The message ids of one dispatch's body. */
    public static List<String> messageIds(String body) {
        return List.of(body.split(","));
    }
}
