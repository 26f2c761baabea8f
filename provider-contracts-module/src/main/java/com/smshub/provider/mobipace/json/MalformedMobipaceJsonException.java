package com.smshub.provider.mobipace.json;

/** A MOBIPACE document that is not well-formed JSON, or that does not fit the expected record. */
public class MalformedMobipaceJsonException extends RuntimeException {

    public MalformedMobipaceJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
