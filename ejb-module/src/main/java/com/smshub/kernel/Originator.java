package com.smshub.kernel;

import java.util.Objects;

/**
 * The sender address a recipient sees. Alphanumeric: at most 16 characters from ASCII 32-126 except
 * $ @ ] _ ` } (Masiv takes 16; SMS Pro, table 1, and myMSP 11, as most providers: the route's provider decides,
 * Capabilities#maxSenderCharacters). Numeric: at most 20 digits with an optional '+'. Short code: 3 to 8 digits.
 */
public record Originator(Type type, String value) {

    /** The longest alphanumeric sender any provider takes (Masiv's originator, spec 003: 16). */
    public static final int MOST_CHARACTERS = 16;

    /** The longest alphanumeric sender most providers take (SMS Pro table 1, myMSP section 2: 11). */
    public static final int MOST_CHARACTERS_MOST_PROVIDERS = 11;

    /** The kinds of sender address. */
    public enum Type { ALPHANUMERIC, NUMERIC, SHORT_CODE }

    public Originator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        switch (type) {
            case ALPHANUMERIC -> {
                if (value.isEmpty() || value.length() > MOST_CHARACTERS) {
                    throw new InvalidValueException("an alphanumeric originator has 1 to " + MOST_CHARACTERS + " characters ("
                            + MOST_CHARACTERS_MOST_PROVIDERS + " for most providers)");
                }
                for (char c : value.toCharArray()) {
                    if (c < 32 || c > 126 || "$@]_`}".indexOf(c) >= 0) {
                        throw new InvalidValueException("'" + c + "' is not allowed in an alphanumeric originator");
                    }
                }
            }
            case NUMERIC -> {
                if (!value.matches("\\+?[0-9]{1,20}")) {
                    throw new InvalidValueException("a numeric originator is at most 20 digits with an optional leading '+'");
                }
            }
            case SHORT_CODE -> {
                if (!value.matches("[0-9]{3,8}")) {
                    throw new InvalidValueException("a short code has 3 to 8 digits");
                }
            }
        }
    }
}
