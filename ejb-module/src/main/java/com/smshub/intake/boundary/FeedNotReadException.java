package com.smshub.intake.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A page of a feed that was not read, its transaction rolled back: the provider did not answer, or a message
 * the page reports on was held by a dispatch still waiting for its provider. Expected now and then; the next
 * tick reads from the same place, so it is the caller's to log, not the container's.
 */
@ApplicationException(rollback = true)
public class FeedNotReadException extends RuntimeException {

    public FeedNotReadException(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }
}
