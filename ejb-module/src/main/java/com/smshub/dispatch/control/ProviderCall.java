package com.smshub.dispatch.control;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.smshub.provider.spi.Capabilities;
import com.smshub.routing.entity.Route;
import com.smshub.session.control.AccountLocks;

/**
 * The call to a provider, in a transaction of its own that holds no message row and records no outcome: the
 * attempt was committed before it, the outcome is committed after it (AttemptJournal). An account whose provider
 * takes one request at a time is locked in it, on every node, until the call is over.
 */
@ApplicationScoped
public class ProviderCall {

    @Inject
    AccountLocks locks;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T call(Route route, Supplier<T> send) {
        if (route.capabilities().has(Capabilities.Feature.ONE_REQUEST_AT_A_TIME)) {
            locks.lock(route.account().id());
        }
        return send.get();
    }
}
