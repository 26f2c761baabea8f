package com.smshub.provider.masiv;

/** An exchange with Masiv that gave no readable answer, and whether the request may have been processed. */
public class MasivException extends RuntimeException {

    /** Whether Masiv may have processed the request. */
    public enum Kind {
        /** Certainly not processed, and trying again later may work (no connection, HTTP 5xx). */
        NOT_SENT,
        /** Certainly not processed, refused for this account (HTTP 401, 403, 404). */
        REFUSED,
        /** May have been processed (a timeout or a broken connection after sending, an unreadable answer). */
        AMBIGUOUS
    }

    private final Kind kind;

    public MasivException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
