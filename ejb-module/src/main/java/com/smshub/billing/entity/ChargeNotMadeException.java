package com.smshub.billing.entity;

import jakarta.ejb.ApplicationException;

/** The provider could not be reached and the charge was certainly not made: the same client reference tries again. */
@ApplicationException(rollback = true)
public class ChargeNotMadeException extends RuntimeException {

    public ChargeNotMadeException(String message) {
        super(message);
    }
}
