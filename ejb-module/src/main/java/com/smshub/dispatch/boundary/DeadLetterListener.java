package com.smshub.dispatch.boundary;

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

import com.smshub.sending.control.DispatchQueue;
import com.smshub.status.control.StatusLedger;
import com.smshub.status.entity.MessageStatus;

/** A message whose dispatch failed on every attempt: FAILED, with the last attempt's reason. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/smshub/DispatchDLQ"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@PermitAll
public class DeadLetterListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeadLetterListener.class.getName());

    @Inject
    StatusLedger ledger;

    @EJB
    DispatchFailures failures;

    @Override
    public void onMessage(Message message) {
        String body;
        try {
            body = ((TextMessage) message).getText();
        } catch (JMSException | ClassCastException e) {
            LOG.severe(() -> "Dead-lettered dispatch message cannot be read and is dropped: " + message);
            return;
        }
        for (String messageId : DispatchQueue.messageIds(body)) {
            String reason = failures.last(messageId);
            LOG.warning(() -> "Message " + messageId + " failed after its last dispatch attempt: " + reason);
            ledger.apply(messageId, MessageStatus.FAILED, "DEAD_LETTER", null, "DISPATCH_FAILED",
                    "Dispatch failed after the bounded attempts; last: " + (reason == null ? "unknown" : reason));
        }
    }
}
