package com.smshub.routing.control;

import java.math.BigDecimal;

import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.Settings;
import com.smshub.routing.entity.Route;

/** Routes for unit tests of the decisions made over them. */
public final class Routes {

    /** What a provider that can do everything (as SMS Pro nearly can) declares. */
    public static final Capabilities ALL = Capabilities.builder(1600).with(Feature.values()).build();

    private Routes() {
    }

    public static Account account(long id, ProviderCode provider) {
        return new Account(id, "account-" + id, provider, "https://provider.example/" + id, "user", "secret", Settings.NONE, null);
    }

    /** A general route for every tenant, carrying premium and binary content, at 0.05 SEK a segment. */
    public static Route route(long id, String prefix, long accountId, int priority) {
        return route(id, prefix, null, account(accountId, ProviderCode.valueOf("SMSPRO")), ALL, priority);
    }

    public static Route route(long id, String prefix, Long tenantId, Account account, Capabilities capabilities, int priority) {
        return new Route(id, prefix, tenantId, account, capabilities, priority, true, true,
                new Money(new BigDecimal("0.05"), "SEK"));
    }
}
