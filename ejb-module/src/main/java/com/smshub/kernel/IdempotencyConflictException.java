package com.smshub.kernel;

import jakarta.ejb.ApplicationException;

/** The client reference was used before with a different request. */
@ApplicationException(rollback = true)
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String clientReference) {
        super("Client reference '" + clientReference + "' was already used with a different request; "
                + "use a new reference for a new request.");
    }
}
