package com.smshub.health.boundary;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.health.control.ProviderProbes;
import com.smshub.health.entity.AccountHealth;

/**
 * Each provider account's state as readiness probes it, for operators (the console's providers): {@code UP 12 ms},
 * {@code DOWN: <why>}, {@code NOT_CHECKED: <why>}, by account name. No transaction: a probe may wait on a provider.
 */
@Stateless
@RolesAllowed("operator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountStates {

    @Inject
    ProviderProbes providers;

    public Map<String, String> byAccount() {
        Map<String, String> states = new LinkedHashMap<>();
        for (AccountHealth account : providers.probe(true)) {
            states.put(account.account(), Readiness.state(account.liveness()));
        }
        return states;
    }
}
