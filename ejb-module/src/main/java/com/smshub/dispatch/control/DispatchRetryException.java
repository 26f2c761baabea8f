package com.smshub.dispatch.control;

import jakarta.ejb.ApplicationException;

/**
 * A message that was certainly not sent and may be sent on a later attempt: the attempt's transaction
 * rolls back and the broker delivers its JMS message again.
 */
@ApplicationException(rollback = true)
public class DispatchRetryException extends RuntimeException {

    public DispatchRetryException(String message) {
        super(message);
    }
}
