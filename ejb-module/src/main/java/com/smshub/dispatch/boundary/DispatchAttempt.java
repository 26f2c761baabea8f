package com.smshub.dispatch.boundary;

import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.dispatch.control.DispatchRetryException;
import com.smshub.dispatch.control.Dispatcher;

/**
 * Dispatches (provider requests) outside the JMS delivery's transaction: the claim that opens an attempt, the call
 * and the outcome commit on their own (Dispatcher). A JMS message carries several dispatches; each that goes
 * through is committed whatever becomes of the others, and its claim makes a later delivery of the same JMS
 * message skip it.
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

    /** Dispatches one after another (Dispatcher#dispatchAll): those after the first only while in time. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Dispatcher.Run dispatchAll(List<List<String>> dispatches, BooleanSupplier moreInTime) {
        return dispatcher.dispatchAll(dispatches, moreInTime);
    }
}
