package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void ipv4BlocksAndSingleAddresses() {
        AddressRange block = AddressRange.parse("203.0.113.0/24");
        assertTrue(block.contains("203.0.113.7"));
        assertFalse(block.contains("203.0.114.7"));
        assertTrue(AddressRange.parse("127.0.0.1").contains("127.0.0.1"));
        assertFalse(AddressRange.parse("127.0.0.1").contains("127.0.0.2"));
        assertTrue(AddressRange.parse("0.0.0.0/0").contains("198.51.100.1"));
    }

    @Test
    void ipv6BlocksNeverHoldIpv4Addresses() {
        AddressRange block = AddressRange.parse("2001:db8::/32");
        assertTrue(block.contains("2001:db8:1::5"));
        assertTrue(block.contains("[2001:db8::1]"));
        assertFalse(block.contains("2001:db9::1"));
        assertFalse(block.contains("32.1.13.184"));
        assertFalse(AddressRange.parse("0.0.0.0/0").contains("::1"));
    }

    @Test
    void namesAndNonsenseAreRefusedNeverLookedUp() {
        assertThrows(InvalidValueException.class, () -> AddressRange.parse("localhost"));
        assertThrows(InvalidValueException.class, () -> AddressRange.parse("example.com/24"));
        assertThrows(InvalidValueException.class, () -> AddressRange.parse("10.0.0.0/33"));
        assertThrows(InvalidValueException.class, () -> AddressRange.parse("10.0.0.0/x"));
        assertFalse(AddressRange.parse("10.0.0.0/8").contains("not-an-address"));
        assertEquals(List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("192.0.2.1")),
                AddressRange.parseAll(" 10.0.0.0/8 , 192.0.2.1,"));
    }
}
