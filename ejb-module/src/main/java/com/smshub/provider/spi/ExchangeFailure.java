package com.smshub.provider.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * What an exchange with a provider that gave no usable answer says about whether the provider acted on the
 * request. It decides whether a send may go again (or to another route) and whether a charge is NOT_MADE or
 * UNKNOWN, so only what certainly stopped the request before the provider acted is {@link #NOT_SENT} or
 * {@link #REFUSED}.
 *
 * <p>None of the five specifications gives a meaning to an HTTP status beyond its own (SMS Pro's Appendix 1:
 * 401 for missing or wrong credentials); every provider answers success as HTTP 200 with its own document and
 * its own codes. The rest is HTTP's (RFC 9110, section 15): a 4xx says the request was refused as it stood,
 * 408, 425, 429 and 503 that it was not handled and may be tried later; a 500 may come after the work was done,
 * and 502 and 504 come from a proxy that may well have passed the request on before its backend failed or
 * went quiet. Those, a redirect (never followed) and anything unknown are {@link #AMBIGUOUS}.
 */
public enum ExchangeFailure {

    /** Certainly not acted on, and trying again later may work (no connection, 408, 425, 429, 503). */
    NOT_SENT,
    /** Certainly not acted on: refused for this request or account (401, 403, 404 and the other 4xx). */
    REFUSED,
    /** May have been acted on (500, 502, 504, a timeout or a broken connection after sending, an unreadable answer). */
    AMBIGUOUS;

    /** What an HTTP status other than the provider's success (200) says. */
    public static ExchangeFailure ofHttpStatus(int status) {
        return switch (status) {
            case 408, 425, 429, 503 -> NOT_SENT;
            default -> status >= 400 && status < 500 ? REFUSED : AMBIGUOUS;
        };
    }

    /**
     * Reads a provider's answer up to {@code most} bytes: a provider (or whatever answers in its place) that
     * sends more is not read on, and the exchange fails with an {@link IOException} naming the bound.
     */
    public static byte[] readBounded(InputStream in, int most) throws IOException {
        byte[] body = in.readNBytes(most + 1);
        if (body.length > most) {
            throw new IOException("the answer is longer than " + most + " bytes");
        }
        return body;
    }
}
