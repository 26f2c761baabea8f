package com.smshub.dispatch.boundary;

import java.util.List;
import java.util.Optional;
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

import com.smshub.dispatch.control.DispatchQueue;
import com.smshub.kernel.LogContext;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Reason;
import com.smshub.message.ClaimedMessage;
import com.smshub.message.Outbox;
import com.smshub.message.StatusUpdate;

/**
 * A JMS message of dispatches that failed on every attempt: each of its messages still waiting for dispatch
 * is FAILED, with its last attempt's reason (the others in it went through on some attempt).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/smshub/DispatchDLQ"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@PermitAll
public class DeadLetterListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeadLetterListener.class.getName());

    @Inject
    Outbox outbox;

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
        List<String> messageIds = DispatchQueue.dispatches(body).stream().flatMap(d -> DispatchQueue.messageIds(d).stream()).toList();
        for (String messageId : messageIds.stream().sorted().toList()) {
            Optional<ClaimedMessage> waiting = outbox.claim(messageId);
            if (waiting.isEmpty()) {
                continue; // sent on an earlier attempt of its JMS message
            }
            String reason = failures.last(messageId);
            try (LogContext context = LogContext.of(LogContext.MESSAGE_ID, messageId, LogContext.TENANT_ID,
                    String.valueOf(waiting.get().tenantId()))) {
                LOG.warning(() -> "Message " + messageId + " failed after its last dispatch attempt: " + reason);
            }
            outbox.dispatched(waiting.get(), null, new StatusUpdate(MessageStatus.FAILED, "DEAD_LETTER", null,
                    new Reason("DISPATCH_FAILED", "Dispatch failed after the bounded attempts; last: "
                            + (reason == null ? "unknown" : reason)), null));
        }
    }
}
