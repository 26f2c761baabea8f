package com.smshub.dispatch.control;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.provider.spi.Capabilities;
import com.smshub.routing.entity.Route;
import com.smshub.session.control.AccountLocks;

/**
 * The call to a provider, in no transaction that holds a message row or records an outcome: the attempt was
 * committed before it, the outcome is committed after it (AttemptJournal). An account whose provider takes one
 * request at a time is locked for the call, on every node, in a transaction that holds that lock alone; any other
 * call runs in no transaction at all (what an adapter reads from the database, it reads as it is).
 */
@ApplicationScoped
public class ProviderCall {

    @Inject
    AccountLocks locks;

    public <T> T call(Route route, Supplier<T> send) {
        return route.capabilities().has(Capabilities.Feature.ONE_REQUEST_AT_A_TIME)
                ? locks.holding(route.account().id(), send)
                : send.get();
    }
}
