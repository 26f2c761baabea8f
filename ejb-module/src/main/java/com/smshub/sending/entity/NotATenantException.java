package com.smshub.sending.entity;

import jakarta.ejb.ApplicationException;

/** A batch from the broker whose authenticated sender is no enabled tenant (unknown, disabled, an operator). */
@ApplicationException(rollback = true)
public class NotATenantException extends RuntimeException {

    public NotATenantException(String message) {
        super(message);
    }
}
