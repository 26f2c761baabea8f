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
 * One dispatch (one provider request) in a database transaction of its own: claim, send, record the
 * outcome, commit. A JMS message carries several dispatches; each that goes through is committed whatever
 * becomes of the others, and its claim makes a later delivery of the same JMS message skip it.
 */
@Stateless
@PermitAll
public class DispatchAttempt {

    @Inject
    Dispatcher dispatcher;

    /** @throws DispatchRetryException nothing was sent and a later attempt may succeed: rolled back */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void dispatch(List<String> messageIds) {
        dispatcher.dispatch(messageIds);
    }
}
