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
    private final int httpStatus;

    public SmsProException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = 0;
    }

    /** An HTTP answer other than 200. */
    public SmsProException(Kind kind, int httpStatus, String message) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status SMS Pro answered with, or 0 when it did not answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
