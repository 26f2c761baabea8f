package com.smshub.tenant.entity;

import jakarta.ejb.ApplicationException;

/**
 * The caller authenticated, but is no enabled tenant now: disabled by an operator since its credentials were
 * cached by the realm. Answered as AUTHORIZATION; nothing of the call is kept.
 */
@ApplicationException(rollback = true)
public class TenantDisabledException extends IllegalStateException {

    public TenantDisabledException(String username) {
        super("The tenant " + username + " is disabled; ask the gateway's operators.");
    }
}
