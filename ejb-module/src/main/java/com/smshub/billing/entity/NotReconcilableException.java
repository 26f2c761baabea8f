package com.smshub.billing.entity;

import jakarta.ejb.ApplicationException;

/** A charge an operator tried to reconcile that is not UNKNOWN: its outcome is known already. */
@ApplicationException(rollback = true)
public class NotReconcilableException extends RuntimeException {

    public NotReconcilableException(String message) {
        super(message);
    }
}
