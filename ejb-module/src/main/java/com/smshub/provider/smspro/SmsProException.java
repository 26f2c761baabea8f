package com.smshub.provider.smspro;

/** An exchange with SMS Pro that did not produce a readable answer. */
public class SmsProException extends RuntimeException {

    public SmsProException(String message) {
        super(message);
    }

    public SmsProException(String message, Throwable cause) {
        super(message, cause);
    }
}
