package com.smshub.provider.mymobileapi;

/** A call to MyMobileAPI that did not give a readable answer, and whether the call may have been processed. */
public class MyMobileApiException extends RuntimeException {

    /** Whether MyMobileAPI may have processed the call. */
    public enum Kind {
        /** Certainly not processed (no connection, an HTTP error or a SOAP fault before the call was taken). */
        NOT_SENT,
        /** May have been processed (a timeout or a broken connection after sending, an unreadable answer). */
        AMBIGUOUS
    }

    private final Kind kind;

    public MyMobileApiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
