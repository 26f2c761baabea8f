package com.smshub.routing.entity;

import com.smshub.kernel.Money;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;

/**
 * One route as routing uses it: recipients starting with {@code prefix} (E.164, "+" for all) go to
 * {@code account}, for one tenant or all (tenantId null), with what the account's provider can do.
 *
 * @param pricePerSegment what one segment costs the tenant, or null when not configured
 */
public record Route(long id, String prefix, Long tenantId, Account account, Capabilities capabilities, int priority,
        boolean premium, boolean binary, Money pricePerSegment) {
}
