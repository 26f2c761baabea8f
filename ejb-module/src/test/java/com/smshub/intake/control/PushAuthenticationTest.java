package com.smshub.intake.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.AddressRange;

class PushAuthenticationTest {

    private static final List<AddressRange> PROXIES = AddressRange.parseAll("10.0.0.0/8");

    @Test
    void forwardedForIsReadOnlyFromATrustedProxyAndFromTheRight() {
        assertEquals("198.51.100.7", PushAuthentication.clientAddress("198.51.100.7", "203.0.113.9", PROXIES),
                "a client's own header is not taken");
        assertEquals("203.0.113.9", PushAuthentication.clientAddress("10.1.1.1", "203.0.113.9", PROXIES));
        assertEquals("198.51.100.7", PushAuthentication.clientAddress("10.1.1.1", "203.0.113.9, 198.51.100.7", PROXIES),
                "what the client wrote stands left of what the proxy appended");
        assertEquals("203.0.113.9", PushAuthentication.clientAddress("10.1.1.1", "203.0.113.9, 10.2.2.2", PROXIES),
                "proxies behind proxies are passed over");
        assertEquals("10.1.1.1", PushAuthentication.clientAddress("10.1.1.1", null, PROXIES));
        assertEquals("10.1.1.1", PushAuthentication.clientAddress("10.1.1.1", "203.0.113.9", List.of()), "no proxy trusted");
    }

    @Test
    void basicCredentialsAreReadOrNotAtAll() {
        String header = "Basic " + Base64.getEncoder().encodeToString("smspro:p@ss: word".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new String[] {"smspro", "p@ss: word"}, PushAuthentication.basic(header));
        assertArrayEquals(new String[2], PushAuthentication.basic(null));
        assertArrayEquals(new String[2], PushAuthentication.basic("Bearer abc"));
        assertArrayEquals(new String[2], PushAuthentication.basic("Basic not*base64"));
    }
}
