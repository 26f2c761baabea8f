package com.smshub.provider.smspro;

import com.smshub.provider.spi.ExchangeFailure;

/** An exchange with SMS Pro that did not produce a readable answer, and whether the request may have been processed. */
public class SmsProException extends RuntimeException {

    private final ExchangeFailure kind;
    private final int httpStatus;

    public SmsProException(ExchangeFailure kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = 0;
    }

    /** An HTTP answer other than 200. */
    public SmsProException(int httpStatus, String message) {
        super(message);
        this.kind = ExchangeFailure.ofHttpStatus(httpStatus);
        this.httpStatus = httpStatus;
    }

    public ExchangeFailure kind() {
        return kind;
    }

    /** The HTTP status SMS Pro answered with, or 0 when it did not answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
