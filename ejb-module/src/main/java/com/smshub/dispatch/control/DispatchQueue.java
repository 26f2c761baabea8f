package com.smshub.dispatch.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;

import com.smshub.message.Dispatch;

/**
 * Hands messages to dispatch, sent in the caller's JTA transaction (DispatchRelay's, DispatchSweeper's). A
 * dispatch is one provider request: a message id, or the comma-separated ids of a dispatch group. One
 * persistent JMS message carries several dispatches, one a line: the broker's work and the two-resource
 * commit of a delivery are paid once per JMS message, and each dispatch still commits on its own
 * (DispatchListener). What is queued at once is spread over the listener's sessions, so that a small
 * number of dispatches still goes out in parallel.
 */
@ApplicationScoped
public class DispatchQueue {

    /** JNDI name of the dispatch queue (server-module CLI). */
    public static final String QUEUE = "java:/jms/queue/smshub/Dispatch";

    /** The dispatch listener's concurrent sessions (its maxSession). */
    public static final int LISTENER_SESSIONS = 16;

    /** At most this many dispatches in one JMS message. */
    static final int MOST_PER_MESSAGE = 50;

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    /** Queues dispatches that the outbox gave: a message alone, or a group's ids on one line. */
    public void enqueueDispatches(List<Dispatch> dispatches) {
        enqueue(dispatches.stream().map(d -> String.join(",", d.messageIds())).toList());
    }

    /** Queues dispatches as their lines: a message id, or a group's ids separated by commas. */
    public void enqueue(List<String> dispatches) {
        JMSProducer producer = jms.createProducer();
        for (String body : bodies(dispatches)) {
            producer.send(queue, body);
        }
    }

    /** The JMS message bodies for these dispatches: as many as the listener has sessions, each at most the most. */
    static List<String> bodies(List<String> dispatches) {
        int shareOfEachSession = (dispatches.size() + LISTENER_SESSIONS - 1) / LISTENER_SESSIONS;
        int perMessage = Math.max(1, Math.min(MOST_PER_MESSAGE, shareOfEachSession));
        List<String> bodies = new ArrayList<>(dispatches.size() / perMessage + 1);
        for (int from = 0; from < dispatches.size(); from += perMessage) {
            bodies.add(String.join("\n", dispatches.subList(from, Math.min(dispatches.size(), from + perMessage))));
        }
        return bodies;
    }

    /** The dispatches of one JMS message's body. */
    public static List<String> dispatches(String body) {
        return Arrays.stream(body.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    /** The message ids of one dispatch. */
    public static List<String> messageIds(String dispatch) {
        return List.of(dispatch.split(","));
    }
}
