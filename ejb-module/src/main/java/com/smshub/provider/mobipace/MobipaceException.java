package com.smshub.provider.mobipace;

/** An exchange with MOBIPACE that gave no usable answer, and whether the request may have been processed. */
public class MobipaceException extends RuntimeException {

    /** Whether MOBIPACE may have processed the request. */
    public enum Kind {
        /** Certainly not processed, and trying again later may work (no connection, HTTP 5xx). */
        NOT_SENT,
        /** Certainly not processed, refused for this account (authorisation refused, HTTP 4xx). */
        REFUSED,
        /** May have been processed (a timeout or a broken connection after sending, an unreadable answer). */
        AMBIGUOUS
    }

    private final Kind kind;
    private final int code;

    public MobipaceException(Kind kind, int code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** MOBIPACE's status code, or 0 when it gave none. */
    public int code() {
        return code;
    }
}
