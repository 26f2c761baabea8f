package com.smshub.provider.xml;

/** A provider document that is not well-formed, or that breaks its schema. */
public class InvalidProviderXmlException extends RuntimeException {

    public InvalidProviderXmlException(String message) {
        super(message);
    }

    public InvalidProviderXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
