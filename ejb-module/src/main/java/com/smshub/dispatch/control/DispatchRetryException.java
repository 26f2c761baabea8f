package com.smshub.dispatch.control;

/** A message that was certainly not sent and may be sent on a later attempt: the delivery is rolled back. */
public class DispatchRetryException extends RuntimeException {

    public DispatchRetryException(String message) {
        super(message);
    }
}
