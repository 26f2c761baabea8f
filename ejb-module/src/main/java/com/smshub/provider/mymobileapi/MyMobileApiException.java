package com.smshub.provider.mymobileapi;

import com.smshub.provider.spi.ExchangeFailure;

/** A call to MyMobileAPI that did not give a readable answer, and whether the call may have been processed. */
public class MyMobileApiException extends RuntimeException {

    private final ExchangeFailure kind;

    public MyMobileApiException(ExchangeFailure kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ExchangeFailure kind() {
        return kind;
    }
}
