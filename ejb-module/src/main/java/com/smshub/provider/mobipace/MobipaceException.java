package com.smshub.provider.mobipace;

import com.smshub.provider.spi.ExchangeFailure;

/** An exchange with MOBIPACE that gave no usable answer, and whether the request may have been processed. */
public class MobipaceException extends RuntimeException {

    private final ExchangeFailure kind;
    private final int code;

    public MobipaceException(ExchangeFailure kind, int code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public ExchangeFailure kind() {
        return kind;
    }

    /** MOBIPACE's status code, or 0 when it gave none. */
    public int code() {
        return code;
    }
}
