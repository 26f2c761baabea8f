package com.smshub.sending.entity;

import jakarta.ejb.ApplicationException;

/**
 * A concurrent call with the same client reference committed first. The caller repeats the call, which
 * then answers with the first call's outcome.
 */
@ApplicationException(rollback = true)
public class DuplicateRequestException extends RuntimeException {

    public DuplicateRequestException(String clientReference) {
        super("Concurrent request with client reference " + clientReference);
    }
}
