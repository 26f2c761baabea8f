package com.smshub.kernel;

import jakarta.ejb.ApplicationException;

/** A request the gateway refuses as a whole, naming the offending field. Nothing was stored. */
@ApplicationException(rollback = true)
public class RequestValidationException extends RuntimeException {

    private final String field;

    public RequestValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
