package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressRulesTest {

    @Test
    void msisdnNormalisedToE164() {
        assertEquals("+46708331536", Msisdn.parse("+46708331536", null).e164());
        assertEquals("+46708331536", Msisdn.parse("+46 70-833 15.36", null).e164());
        assertEquals("+46730430525", Msisdn.parse("0046730430525", null).e164());
        assertEquals("+46730430525", Msisdn.parse("46730430525", null).e164(), "myMSP glossary format");
        assertEquals("+46730430525", Msisdn.parse("0730430525", "SE").e164(), "national, default country");
        assertEquals("+46730430525", Msisdn.parse("46730430525", "SE").e164(), "the country code written without '+'");
        assertEquals("+4670903259912345678", Msisdn.parse("+4670903259912345678", null).e164(), "20 digits allowed");
        assertEquals("+4670903259912345678", Msisdn.parse("+4670903259912345678", "SE").e164(), "section 14.5, in a region too");
    }

    @Test
    void digitsAreReadInTheTenantsRegionFirst() {
        assertEquals("+12125551234", Msisdn.parse("2125551234", "US").e164(), "not +212, Morocco");
        assertEquals("+12125551234", Msisdn.parse("(212) 555-1234", "US").e164());
        assertEquals("+12125551234", Msisdn.parse("+1 212 555 1234", "SE").e164(), "written internationally, any region");
        assertEquals("+4741234567", Msisdn.parse("4741234567", "SE").e164(), "no Swedish number, a Norwegian one with its code");
        assertEquals("+46708331536", Msisdn.parse("0708331536", "SE").e164());
        assertEquals("SE", Msisdn.regionOf("46"));
        assertEquals("US", Msisdn.regionOf("1"), "the calling code's main country");
        assertEquals(null, Msisdn.regionOf("999"));
    }

    @Test
    void invalidNumbersSayWhy() {
        InvalidValueException tooShort = assertThrows(InvalidValueException.class, () -> Msisdn.parse("212555", "US"));
        assertTrue(tooShort.getMessage().contains("not a valid number of US"), tooShort.getMessage());
        assertThrows(InvalidValueException.class, () -> Msisdn.parse("+46 7", null), "too short for Sweden");
        assertThrows(InvalidValueException.class, () -> Msisdn.parse("+99912345678", null), "no such country code");
        assertThrows(InvalidValueException.class, () -> Msisdn.parse("+9991234567890123", null), "no country code, 16 digits");
        assertThrows(InvalidValueException.class, () -> Msisdn.parse("0123", "SE"));
    }

    @Test
    void badNumbersAreRefusedWithAReason() {
        assertThrows(InvalidValueException.class, () -> Msisdn.parse("0730430525", null), "national without country");
        assertThrows(InvalidValueException.class, () -> Msisdn.parse("+467090325991234567890", null), "21 digits");
        assertThrows(InvalidValueException.class, () -> Msisdn.parse("+46abc", null));
        assertThrows(InvalidValueException.class, () -> Msisdn.parse("12345", null), "too short");
        assertThrows(InvalidValueException.class, () -> Msisdn.parse("", null));
    }

    @Test
    void originatorRules() {
        assertEquals("MARKETPLACE", new Originator(Originator.Type.ALPHANUMERIC, "MARKETPLACE").value());
        assertEquals("MARKETPLACE12345", new Originator(Originator.Type.ALPHANUMERIC, "MARKETPLACE12345").value(),
                "16, Masiv's most; whether a route's provider takes it is routing's question");
        assertThrows(InvalidValueException.class, () -> new Originator(Originator.Type.ALPHANUMERIC, "MARKETPLACE123456"));
        for (String forbidden : new String[] {"A$", "A@", "A]", "A_", "A`", "A}", "Ä"}) {
            assertThrows(InvalidValueException.class, () -> new Originator(Originator.Type.ALPHANUMERIC, forbidden),
                    forbidden);
        }
        assertEquals("+46734252604", new Originator(Originator.Type.NUMERIC, "+46734252604").value());
        assertThrows(InvalidValueException.class, () -> new Originator(Originator.Type.NUMERIC, "+467342526041234567890"));
        assertEquals("72700", new Originator(Originator.Type.SHORT_CODE, "72700").value());
        assertThrows(InvalidValueException.class, () -> new Originator(Originator.Type.SHORT_CODE, "7a"));
    }
}
