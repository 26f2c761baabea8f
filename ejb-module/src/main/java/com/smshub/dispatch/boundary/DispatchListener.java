package com.smshub.dispatch.boundary;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import com.smshub.dispatch.control.DispatchRetryException;
import com.smshub.dispatch.control.Dispatcher;
import com.smshub.sending.control.DispatchQueue;

/**
 * Takes message ids from the dispatch queue and sends each message, in the delivery's transaction. A
 * failure is rethrown: the transaction rolls back, the message stays QUEUED, and the broker redelivers
 * with back-off, then dead-letters it (server-module CLI, address-setting of smshub.dispatch).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/smshub/Dispatch"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16")
})
@PermitAll
public class DispatchListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DispatchListener.class.getName());

    @Inject
    Dispatcher dispatcher;

    @EJB
    DispatchFailures failures;

    @Override
    public void onMessage(Message message) {
        String body;
        try {
            body = ((TextMessage) message).getText();
        } catch (JMSException | ClassCastException e) {
            throw new IllegalStateException("Unreadable dispatch message " + message, e);
        }
        List<String> messageIds = DispatchQueue.messageIds(body);
        try {
            dispatcher.dispatch(messageIds);
        } catch (DispatchRetryException e) {
            messageIds.forEach(id -> failures.record(id, e.getMessage()));
            LOG.info(() -> "Dispatch of " + body + " will be retried: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            messageIds.forEach(id -> failures.record(id, "unexpected: " + e));
            throw e;
        }
    }
}
