package com.smshub.health.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.Providers;
import com.smshub.session.control.AccountLocks;

/**
 * One account's liveness probe, as any other request to it: where its provider takes one request at a time
 * (MOBIPACE, limitation 1), the probe waits for the account's lock, on every node, as dispatch, status checks,
 * prices and balances do. Unlocked, a Ping during a send met "access denied" (104) or made the send meet it.
 */
@ApplicationScoped
public class AccountProbe {

    @Inject
    AccountLocks locks;

    @Inject
    Providers providers;

    public Liveness probe(Account account, ProviderAdapter adapter) {
        return providers.capabilities(account).has(Capabilities.Feature.ONE_REQUEST_AT_A_TIME)
                ? locks.holding(account.id(), () -> adapter.probe(account))
                : adapter.probe(account);
    }
}
