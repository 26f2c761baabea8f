package com.smshub.sending.boundary;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.sending.control.AcceptedRequest;
import com.smshub.sending.control.MessageStore;

/**
 * Stores accepted sends, several in one transaction of their own: the unit of work of {@link GroupCommit}.
 * Either all of them are durable when this returns, or none is.
 */
@Stateless
@PermitAll
public class AcceptanceStore {

    @Inject
    MessageStore store;

    /** The request ids, in order. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> store(List<AcceptedRequest> requests) {
        List<Long> ids = new ArrayList<>(requests.size());
        for (AcceptedRequest request : requests) {
            ids.add(store.insertRequest(request.tenantId(), request.command(), request.hash(), request.acceptedAt()));
        }
        store.insertMessages(ids, requests);
        return ids;
    }
}
