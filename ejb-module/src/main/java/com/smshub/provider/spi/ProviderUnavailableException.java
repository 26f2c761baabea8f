package com.smshub.provider.spi;

/** A synchronous question to a provider (balance, price) that got no usable answer. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
