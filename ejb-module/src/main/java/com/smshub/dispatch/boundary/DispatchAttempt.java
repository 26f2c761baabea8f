package com.smshub.dispatch.boundary;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.dispatch.control.DispatchRetryException;
import com.smshub.dispatch.control.Dispatcher;

/**
 * One dispatch (one provider request) outside the JMS delivery's transaction: the claim that opens the attempt,
 * the call and the outcome each commit on their own (Dispatcher). A JMS message carries several dispatches; each
 * that goes through is committed whatever becomes of the others, and its claim makes a later delivery of the same
 * JMS message skip it.
 */
@Stateless
@PermitAll
public class DispatchAttempt {

    @Inject
    Dispatcher dispatcher;

    /** @throws DispatchRetryException nothing was sent and a later attempt may succeed: the attempt is closed */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void dispatch(List<String> messageIds) {
        dispatcher.dispatch(messageIds);
    }
}
