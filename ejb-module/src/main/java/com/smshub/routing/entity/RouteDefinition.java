package com.smshub.routing.entity;

import java.math.BigDecimal;

import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.Money;

/**
 * One route as an operator defines it: recipients whose E.164 number starts with {@code prefix} ("+" for
 * all) go to the named provider account, for one tenant or (tenant null) for all.
 *
 * @param id       the route's id; null before it is stored
 * @param priority lower goes first among routes with the same tenant scope and prefix length
 * @param premium  whether the route carries premium-charged messages (only where the provider bills)
 * @param binary   whether it carries binary messages and UDH
 * @param price    what one segment costs the tenant, or null when not priced
 */
public record RouteDefinition(Long id, String prefix, String tenant, String account, int priority, boolean premium,
        boolean binary, Money price, boolean enabled) {

    public RouteDefinition {
        if (prefix == null || !prefix.matches("\\+[0-9]{0,20}")) {
            throw new InvalidValueException("prefix must be '+' and at most 20 digits, as an E.164 number begins: " + prefix);
        }
        if (account == null || account.isBlank()) {
            throw new InvalidValueException("account is required: the name of a provider account");
        }
        if (price != null && price.amount().compareTo(BigDecimal.ZERO) < 0) {
            throw new InvalidValueException("price must not be negative");
        }
    }
}
