package com.smshub.provider.smspro;

/** An exchange with SMS Pro that did not produce a readable answer, and whether the request may have been processed. */
public class SmsProException extends RuntimeException {

    /** Whether SMS Pro may have processed the request. */
    public enum Kind {
        /** Certainly not processed, and trying again later may work (refused connection, HTTP 5xx). */
        NOT_SENT,
        /** Certainly not processed, refused for this account (HTTP 401, 403, 404). */
        REFUSED,
        /** May have been processed (timeout or broken connection after sending, an unreadable answer). */
        AMBIGUOUS
    }

    private final Kind kind;

    public SmsProException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SmsProException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
