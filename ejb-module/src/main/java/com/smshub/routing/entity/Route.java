package com.smshub.routing.entity;

import com.smshub.provider.entity.ProviderAccount;
import com.smshub.sending.entity.Money;

/**
 * One configured route: recipients starting with {@code prefix} (E.164, "+" for all) go to
 * {@code account}, for one tenant or all (tenantId null).
 *
 * @param pricePerSegment what one segment costs the tenant, or null when not configured
 */
public record Route(long id, String prefix, Long tenantId, ProviderAccount account, int priority, boolean premium,
        boolean binary, Money pricePerSegment) {
}
