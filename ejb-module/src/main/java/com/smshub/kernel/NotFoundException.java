package com.smshub.kernel;

import jakarta.ejb.ApplicationException;

/** Something a caller named (a message, a batch, a charge) that its tenant does not have. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request element that named it. */
    public String field() {
        return field;
    }
}
