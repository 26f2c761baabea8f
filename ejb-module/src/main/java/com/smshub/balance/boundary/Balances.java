package com.smshub.balance.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.balance.entity.AccountBalance;
import com.smshub.balance.entity.BalanceUnavailableException;
import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.BalanceQuery;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.ProviderUnavailableException;
import com.smshub.provider.spi.Providers;
import com.smshub.routing.control.Router;
import com.smshub.session.control.AccountLocks;
import com.smshub.tenant.control.TenantDirectory;

/**
 * GetBalance: what the provider accounts a tenant's messages may go through have left, asked of each provider
 * that keeps a balance (MyMobileAPI's credits, MOBIPACE's balance, credit limit and available funds). An
 * account whose provider keeps none is listed without amounts. In a transaction: a provider that takes one
 * request at a time is asked under the account's lock.
 */
@Stateless
@RolesAllowed("tenant")
public class Balances {

    @Resource
    SessionContext session;

    @Inject
    TenantDirectory tenants;

    @Inject
    Router router;

    @Inject
    Providers providers;

    @Inject
    AccountLocks locks;

    /**
     * @param provider only this provider's accounts, or null for all
     * @throws BalanceUnavailableException when a provider that keeps a balance does not answer
     */
    public List<AccountBalance> balances(ProviderCode provider) {
        long tenant = tenants.byUsername(session.getCallerPrincipal().getName()).id();
        providers.served(provider, "provider");
        List<AccountBalance> balances = new ArrayList<>();
        for (Account account : router.accountsFor(tenant)) {
            if (provider == null || account.provider().equals(provider)) {
                balances.add(balance(account));
            }
        }
        return balances;
    }

    private AccountBalance balance(Account account) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<BalanceQuery> query = providers.capability(account.provider(), BalanceQuery.class);
        if (query.isEmpty()) {
            return new AccountBalance(account.provider(), account.name(), null, null, null, null, now);
        }
        if (providers.capabilities(account).has(Capabilities.Feature.ONE_REQUEST_AT_A_TIME)) {
            locks.lock(account.id());
        }
        BalanceQuery.Balance told;
        try {
            told = query.get().balance(account);
        } catch (ProviderUnavailableException e) {
            throw new BalanceUnavailableException(account.name(), account.provider() + " account " + account.name()
                    + " did not tell its balance: " + e.getMessage() + ". Ask again later.");
        }
        if (isCurrency(told.unit())) {
            return new AccountBalance(account.provider(), account.name(), null, money(told.balance(), told.unit()),
                    money(told.creditLimit(), told.unit()), money(told.available(), told.unit()), OffsetDateTime.now(ZoneOffset.UTC));
        }
        return new AccountBalance(account.provider(), account.name(), told.balance() == null ? null : told.balance().longValue(),
                null, null, null, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static boolean isCurrency(String unit) {
        return unit != null && unit.matches("[A-Z]{3}");
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}
