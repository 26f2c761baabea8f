package com.smshub.provider.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class ExchangeFailureTest {

    @Test
    void onlyWhatCertainlyStoppedTheRequestIsNotSentOrRefused() {
        for (int proxyOrServer : new int[] {500, 502, 504, 505, 599, 301, 302, 200, 204}) {
            assertEquals(ExchangeFailure.AMBIGUOUS, ExchangeFailure.ofHttpStatus(proxyOrServer), "HTTP " + proxyOrServer);
        }
        for (int later : new int[] {408, 425, 429, 503}) {
            assertEquals(ExchangeFailure.NOT_SENT, ExchangeFailure.ofHttpStatus(later), "HTTP " + later);
        }
        for (int refused : new int[] {400, 401, 403, 404, 405, 413, 415}) {
            assertEquals(ExchangeFailure.REFUSED, ExchangeFailure.ofHttpStatus(refused), "HTTP " + refused);
        }
    }

    @Test
    void anAnswerIsReadUpToItsBound() throws IOException {
        assertArrayEquals(new byte[10], ExchangeFailure.readBounded(new ByteArrayInputStream(new byte[10]), 10));
        IOException tooLong = assertThrows(IOException.class,
                () -> ExchangeFailure.readBounded(new ByteArrayInputStream(new byte[11]), 10));
        assertEquals("the answer is longer than 10 bytes", tooLong.getMessage());
    }
}
