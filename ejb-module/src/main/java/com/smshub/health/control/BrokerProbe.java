package com.smshub.health.control;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import com.smshub.dispatch.control.DispatchQueue;

/**
 * Whether the embedded broker takes a session and knows the dispatch queue, through the same resource adapter that
 * acceptance sends with: without it an accepted request could not be handed to dispatch.
 */
@ApplicationScoped
public class BrokerProbe {

    private static final Logger LOG = Logger.getLogger(BrokerProbe.class.getName());

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory factory;

    @Resource(lookup = DispatchQueue.QUEUE)
    Queue dispatch;

    /** Empty when the broker answers; else what went wrong. */
    public Optional<String> problem() {
        try (JMSContext context = factory.createContext(); QueueBrowser browser = context.createBrowser(dispatch)) {
            browser.getEnumeration();
            return Optional.empty();
        } catch (JMSRuntimeException | JMSException e) {
            LOG.log(Level.WARNING, "Broker probe failed", e);
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
