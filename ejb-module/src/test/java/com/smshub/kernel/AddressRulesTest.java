package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AddressRulesTest {

    @Test
    void msisdnNormalisedToE164() {
        assertEquals("+46708331536", Msisdn.parse("+46708331536", null).e164());
        assertEquals("+46708331536", Msisdn.parse("+46 70-833 15.36", null).e164());
        assertEquals("+46730430525", Msisdn.parse("0046730430525", null).e164());
        assertEquals("+46730430525", Msisdn.parse("46730430525", null).e164(), "myMSP glossary format");
        assertEquals("+46730430525", Msisdn.parse("0730430525", "46").e164(), "national, default country");
        assertEquals("+4670903259912345678", Msisdn.parse("+4670903259912345678", null).e164(), "20 digits allowed");
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
        assertThrows(InvalidValueException.class, () -> new Originator(Originator.Type.ALPHANUMERIC, "MARKETPLACE1"));
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
