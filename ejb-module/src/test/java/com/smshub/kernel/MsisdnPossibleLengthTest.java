package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * {@link Msisdn#possibleAsWritten}, the short way of reading an international number, never takes a number that
 * libphonenumber's {@code parse} and {@code isPossibleNumber} (the long way, which it skips) would refuse: over
 * every country calling code, every length E.164 allows, and national numbers that start with the digits national
 * prefixes and carrier codes are made of, where {@code parse} strips or transforms.
 */
class MsisdnPossibleLengthTest {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    /** What national numbers start with where {@code parse} may strip a prefix: trunk prefixes, carrier codes, Argentina's 15. */
    private static final List<String> STARTS = List.of("0", "00", "01", "06", "1", "15", "011", "8", "9", "2", "3", "4", "5", "6", "7");

    /** The long way, as Msisdn took it for every number before. */
    private static boolean possibleByParse(String digits) {
        try {
            return NUMBERS.isPossibleNumber(NUMBERS.parse("+" + digits, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    @Test
    void everyNumberTakenTheShortWayIsTakenTheLongWay() {
        Random random = new Random(20261205);
        List<String> wrong = new ArrayList<>();
        int taken = 0;
        int tried = 0;
        for (int countryCode : NUMBERS.getSupportedCallingCodes()) {
            String code = Integer.toString(countryCode);
            String region = NUMBERS.getRegionCodeForCountryCode(countryCode);
            String ndd = "001".equals(region) ? null : NUMBERS.getNddPrefixForRegion(region, true); // 001: no country, no prefix
            List<String> starts = new ArrayList<>(STARTS);
            if (ndd != null && !ndd.isEmpty()) {
                starts.add(ndd);
            }
            for (int length = 6; length <= 15; length++) {
                int national = length - code.length();
                for (String start : starts) {
                    for (int sample = 0; sample < 6; sample++) {
                        StringBuilder digits = new StringBuilder(code).append(start);
                        while (digits.length() < length) {
                            digits.append(random.nextInt(10));
                        }
                        if (national < 1 || digits.length() > length) {
                            continue;
                        }
                        tried++;
                        if (Msisdn.possibleAsWritten(digits.toString())) {
                            taken++;
                            if (!possibleByParse(digits.toString())) {
                                wrong.add(digits.toString());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(0, wrong.size(), "taken the short way, refused the long way: " + wrong.size() + " numbers, among them "
                + wrong.subList(0, Math.min(20, wrong.size())));
        assertTrue(taken > tried / 10, "the short way takes the common case: " + taken + " of " + tried);
    }

    @Test
    void theCommonCaseTakesTheShortWayAndTheRestTheLongOne() {
        assertTrue(Msisdn.possibleAsWritten("46708331536"), "a Swedish mobile");
        assertTrue(Msisdn.possibleAsWritten("12125551234"), "a US number");
        assertTrue(Msisdn.possibleAsWritten("4915123456789"), "a German mobile");
        assertTrue(Msisdn.possibleAsWritten("79161234567"), "a Russian mobile");
        assertFalse(Msisdn.possibleAsWritten("4407700900123"), "a trunk 0 after the code: only parse, which strips it, takes it");
        assertFalse(Msisdn.possibleAsWritten("390612345678"), "Italy's leading zero: parse keeps it apart");
        assertFalse(Msisdn.possibleAsWritten("99912345678"), "no such country code");
        assertFalse(Msisdn.possibleAsWritten("467"), "too short");

        // and Msisdn answers as before for each of them
        assertEquals("+4407700900123", Msisdn.parse("+4407700900123").e164(), "as parse took it before");
        assertEquals("+390612345678", Msisdn.parse("+390612345678").e164());
        assertEquals("+46708331536", Msisdn.parse("+46708331536").e164());
    }
}
