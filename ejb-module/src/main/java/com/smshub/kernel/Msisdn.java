package com.smshub.kernel;

import java.util.Objects;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A mobile number in E.164: '+' and 6 to 20 digits (SMS Pro section 14.5 allows 20, for its telematics
 * numbers). Numbers are read as people write them with libphonenumber, in the caller's country:
 * <ul>
 * <li>written internationally ('+' or "00" first), a number must have a length its country's numbers can have,
 * or, longer than E.164's 15 digits (up to 20), a country code that exists: each route then says whether its
 * provider takes so many digits;</li>
 * <li>written without, it is read in the tenant's default region first (a US tenant's 2125551234 is
 * +12125551234, a Swedish tenant's 0708331536 is +46708331536, and 46708331536 too, as libphonenumber strips a
 * leading country code that leaves a valid number), and must be a valid number there; where it is not, digits
 * that make a valid number read internationally are taken so (myMSP's glossary writes 46730430525);</li>
 * <li>with no default region, digits alone are read internationally, and a leading 0 needs the region.</li>
 * </ul>
 * Spaces, dashes, dots, slashes and parentheses are ignored.
 */
public record Msisdn(String e164) {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    // compiled once: every accepted recipient passes them (String.matches compiles its pattern on each call)
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{5,19}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()/]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    public Msisdn {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("Not an E.164 number: " + e164);
        }
    }

    /** Reads an international number, or where none is configured a number written without a region. */
    public static Msisdn parse(String raw) {
        return parse(raw, null);
    }

    /**
     * Reads a number as a caller wrote it.
     *
     * @param defaultRegion the ISO 3166 country (SE, US) whose national numbers the caller writes, or null
     * @throws InvalidValueException when it is not a usable mobile number, saying why
     */
    public static Msisdn parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is empty");
        }
        String cleaned = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (cleaned.startsWith("00")) {
            cleaned = "+" + cleaned.substring(2);
        }
        boolean international = cleaned.startsWith("+");
        String digits = international ? cleaned.substring(1) : cleaned;
        if (!DIGITS.matcher(digits).matches()) {
            throw new InvalidValueException("'" + raw + "' may contain only digits, an optional leading '+' and separators");
        }
        if (digits.length() > 20) {
            throw new InvalidValueException("'" + raw + "' has more than 20 digits");
        }
        if (international) {
            return international(raw, digits);
        }
        if (defaultRegion == null) {
            if (digits.startsWith("0")) {
                throw new InvalidValueException("'" + raw + "' is a national number and no default country is configured");
            }
            return international(raw, digits);
        }
        PhoneNumber national = read(digits, defaultRegion);
        if (national != null && NUMBERS.isValidNumber(national)) {
            return e164(national);
        }
        PhoneNumber abroad = digits.startsWith("0") ? null : read("+" + digits, "ZZ");
        if (abroad != null && NUMBERS.isValidNumber(abroad)) {
            return e164(abroad);
        }
        throw new InvalidValueException("'" + raw + "' is not a valid number of " + defaultRegion
                + " nor, read with a '+', of any country");
    }

    private static Msisdn international(String raw, String digits) {
        if (digits.length() < 6 || digits.charAt(0) == '0') {
            throw new InvalidValueException("'" + raw + "' is not a full international number");
        }
        if (digits.length() > 15) {
            // beyond E.164 (SMS Pro's telematics numbers): its country code must exist; routes check the length
            for (int length = 1; length <= 3; length++) {
                if (!NUMBERS.getRegionCodeForCountryCode(Integer.parseInt(digits.substring(0, length))).equals("ZZ")) {
                    return new Msisdn("+" + digits);
                }
            }
            throw new InvalidValueException("'" + raw + "' starts with no country code");
        }
        if (!possibleAsWritten(digits)) {
            PhoneNumber number = read("+" + digits, "ZZ");
            if (number == null || !NUMBERS.isPossibleNumber(number)) {
                throw new InvalidValueException("'" + raw + "' is not a number its country has (wrong length or no such country code)");
            }
        }
        return new Msisdn("+" + digits);
    }

    /**
     * Whether international digits (no leading 0, 15 at most) have a length their country's numbers can have, read
     * as written: the country code, then the national number. Every number this says yes to, libphonenumber's
     * {@code parse} and {@code isPossibleNumber} take too: {@code parse} reads digits after a '+' the same way, and
     * what it does besides (a national prefix written after the country code taken off, or in a few countries
     * rewritten) never makes a possible length impossible, which MsisdnPossibleLengthTest checks over every calling
     * code. The reverse does not hold (+44 07700 900123 is possible only with its 0 taken off), and such numbers go
     * the long way. This check is the common case's whole cost: {@code parse} is
     * written for text as people type it (its patterns for separators, extensions and RFC 3966), which was half
     * of a SendSms's judgement and a third of a SendBatch's acceptance in the profiles (docs/benchmarks.md).
     * National numbers starting with 0 (Italy's) take the long way too: {@code parse} keeps their zeros apart.
     */
    static boolean possibleAsWritten(String digits) {
        for (int length = 1; length <= 3 && length < digits.length(); length++) {
            int countryCode = Integer.parseInt(digits, 0, length, 10);
            if (NUMBERS.getRegionCodeForCountryCode(countryCode).equals("ZZ")) {
                continue; // country codes are prefix-free: at most one length names one
            }
            if (digits.charAt(length) == '0') {
                return false;
            }
            PhoneNumber number = new PhoneNumber().setCountryCode(countryCode)
                    .setNationalNumber(Long.parseLong(digits, length, digits.length(), 10));
            return NUMBERS.isPossibleNumber(number);
        }
        return false;
    }

    private static PhoneNumber read(String number, String region) {
        try {
            return NUMBERS.parse(number, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static Msisdn e164(PhoneNumber number) {
        return new Msisdn(NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /** The region of a country calling code ("46": SE; "1": US, the code's main country), or null when none. */
    public static String regionOf(String countryCallingCode) {
        if (countryCallingCode == null || !countryCallingCode.matches("[1-9][0-9]{0,2}")) {
            return null;
        }
        String region = NUMBERS.getRegionCodeForCountryCode(Integer.parseInt(countryCallingCode));
        return "ZZ".equals(region) ? null : region;
    }

    /** Whether this is an ISO 3166 region with numbers (SE, US): a tenant's default region. */
    public static boolean isRegion(String region) {
        return region != null && region.matches("[A-Z]{2}") && NUMBERS.getCountryCodeForRegion(region) != 0;
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
