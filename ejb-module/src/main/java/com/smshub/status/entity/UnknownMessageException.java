package com.smshub.status.entity;

import jakarta.ejb.ApplicationException;

/** A message id or client reference the tenant does not have. */
@ApplicationException(rollback = true)
public class UnknownMessageException extends RuntimeException {

    private final String field;

    public UnknownMessageException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
