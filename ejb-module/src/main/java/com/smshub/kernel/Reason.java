package com.smshub.kernel;

import java.util.Objects;

/**
 * Why a message has the status it has: a stable, machine-readable code (OPTED_OUT, OUTCOME_UNKNOWN) and
 * words for a person. Stored at most 1,000 characters long.
 */
public record Reason(String code, String text) {

    public Reason {
        Objects.requireNonNull(code, "code");
        if (text != null && text.length() > 1000) {
            text = text.substring(0, 1000);
        }
    }

    public static Reason of(String code, String text) {
        return new Reason(code, text);
    }
}
