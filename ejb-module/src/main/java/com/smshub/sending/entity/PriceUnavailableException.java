package com.smshub.sending.entity;

import jakarta.ejb.ApplicationException;

/** A provider that prices messages itself did not answer; asking again later may work. */
@ApplicationException(rollback = true)
public class PriceUnavailableException extends RuntimeException {

    public PriceUnavailableException(String message) {
        super(message);
    }
}
