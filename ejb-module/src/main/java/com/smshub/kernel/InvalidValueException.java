package com.smshub.kernel;

/** A value that breaks the rules of its type; the caller adds which field it came from. */
@jakarta.ejb.ApplicationException(rollback = true)
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String message) {
        super(message);
    }
}
