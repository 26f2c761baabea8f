package com.smshub.provider.masiv;

import com.smshub.provider.spi.ExchangeFailure;

/** An exchange with Masiv that gave no readable answer, and whether the request may have been processed. */
public class MasivException extends RuntimeException {

    private final ExchangeFailure kind;

    public MasivException(ExchangeFailure kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ExchangeFailure kind() {
        return kind;
    }
}
