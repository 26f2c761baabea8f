package com.smshub.dispatch.boundary;

import java.util.List;
import java.util.concurrent.TimeUnit;
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

import com.smshub.kernel.Configuration;
import com.smshub.dispatch.control.DispatchQueue;
import com.smshub.dispatch.control.DispatchRetryException;
import com.smshub.dispatch.control.Dispatcher;
import com.smshub.kernel.LogContext;

/**
 * Takes dispatches from the dispatch queue, several to a JMS message, and sends them one after another outside
 * the delivery's transaction (DispatchAttempt), each outcome committed with the next one's attempt. When one of
 * them fails, the others still go; the failure is rethrown once all were tried, so that the delivery rolls back
 * and the broker redelivers the JMS message with back-off, then dead-letters it (server-module CLI, address-setting of smshub.dispatch). A redelivery sends only what is
 * still waiting: every dispatch that went through is skipped by its claim.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = DispatchQueue.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "" + DispatchQueue.LISTENER_SESSIONS)
})
@PermitAll
public class DispatchListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DispatchListener.class.getName());

    /**
     * A delivery that has run this long hands what it has not started on, as a new JMS message, so that slow
     * providers cannot stretch it past the transaction timeout (which would count as a failed attempt).
     */
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(Configuration.number("smshub.dispatch.delivery-budget-seconds", 60));

    @EJB
    DispatchAttempt attempt;

    @EJB
    DispatchFailures failures;

    @Inject
    DispatchQueue queue;

    @Override
    public void onMessage(Message message) {
        String body;
        try {
            body = ((TextMessage) message).getText();
        } catch (JMSException | ClassCastException e) {
            throw new IllegalStateException("Unreadable dispatch message " + message, e);
        }
        List<String> dispatches = DispatchQueue.dispatches(body);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        Dispatcher.Run run = attempt.dispatchAll(dispatches.stream().map(DispatchQueue::messageIds).toList(),
                () -> System.nanoTime() - deadline < 0);
        if (run.taken() < dispatches.size()) {
            // committed with this delivery, or rolled back with it
            queue.enqueue(dispatches.subList(run.taken(), dispatches.size()));
        }
        RuntimeException failure = null;
        for (Dispatcher.Failed failed : run.failed()) {
            RuntimeException e = failed.cause();
            try (LogContext context = failed.logContext()) {
                if (e instanceof DispatchRetryException) {
                    failed.messageIds().forEach(id -> failures.record(id, e.getMessage()));
                    LOG.info(() -> "Dispatch of " + failed.messageIds() + " will be retried: " + e.getMessage());
                } else {
                    failed.messageIds().forEach(id -> failures.record(id, "unexpected: " + e));
                    LOG.warning(() -> "Dispatch of " + failed.messageIds() + " failed and will be retried: " + e);
                }
            }
            failure = e;
        }
        if (failure != null) {
            throw failure;
        }
    }
}
