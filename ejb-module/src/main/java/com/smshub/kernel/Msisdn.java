package com.smshub.kernel;

import java.util.Objects;

/**
 * A mobile number in E.164: '+' and 6 to 20 digits (SMS Pro section 14.5 allows 20, for its telematics
 * numbers). Spaces, dashes, dots and parentheses are ignored; "00" is read as '+'; a number with one
 * leading 0 is national and takes the configured default country code; digits alone are read as
 * international without the '+', as myMSP's glossary shows (46730430525).
 */
public record Msisdn(String e164) {

    public Msisdn {
        Objects.requireNonNull(e164, "e164");
        if (!e164.matches("\\+[1-9][0-9]{5,19}")) {
            throw new IllegalArgumentException("Not an E.164 number: " + e164);
        }
    }

    /**
     * Reads a number as a caller wrote it.
     *
     * @param defaultCountryCode the country calling code for national numbers (46), or null for none
     * @throws InvalidValueException when it is not a usable mobile number
     */
    public static Msisdn parse(String raw, String defaultCountryCode) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is empty");
        }
        String cleaned = raw.strip().replaceAll("[\\s\\-.()/]", "");
        String digits;
        if (cleaned.startsWith("+")) {
            digits = cleaned.substring(1);
        } else if (cleaned.startsWith("00")) {
            digits = cleaned.substring(2);
        } else if (cleaned.startsWith("0")) {
            if (defaultCountryCode == null) {
                throw new InvalidValueException("'" + raw + "' is a national number and no default country is configured");
            }
            digits = defaultCountryCode + cleaned.substring(1);
        } else {
            digits = cleaned;
        }
        if (!digits.matches("[0-9]+")) {
            throw new InvalidValueException("'" + raw + "' may contain only digits, an optional leading '+' and separators");
        }
        if (digits.length() > 20) {
            throw new InvalidValueException("'" + raw + "' has more than 20 digits");
        }
        if (digits.length() < 6 || digits.charAt(0) == '0') {
            throw new InvalidValueException("'" + raw + "' is not a full international number");
        }
        return new Msisdn("+" + digits);
    }

    /** The digits without '+', as Masiv and MOBIPACE want them. */
    public String digits() {
        return e164.substring(1);
    }

    @Override
    public String toString() {
        return e164;
    }
}
