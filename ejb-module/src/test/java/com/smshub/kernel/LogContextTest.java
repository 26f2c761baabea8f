package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class LogContextTest {

    @Test
    void aContextNamesWhatItIsAboutUntilItClosesAndNestedOnesPutBackWhatWasThere() {
        try (LogContext outer = LogContext.of(LogContext.TENANT, "demo", LogContext.PROVIDER, null)) {
            assertEquals("demo", MDC.get(LogContext.TENANT));
            assertNull(MDC.get(LogContext.PROVIDER), "a null value sets nothing");
            try (LogContext inner = LogContext.messages(List.of("m-1")).put(LogContext.TENANT, "acme")) {
                assertEquals("m-1", MDC.get(LogContext.MESSAGE_ID));
                assertEquals("acme", MDC.get(LogContext.TENANT));
                inner.put(LogContext.MESSAGE_ID, "m-2").put(LogContext.TENANT, null);
                assertEquals("m-2", MDC.get(LogContext.MESSAGE_ID));
                assertNull(MDC.get(LogContext.TENANT), "put with null takes the key away for the context's time");
            }
            assertNull(MDC.get(LogContext.MESSAGE_ID));
            assertEquals("demo", MDC.get(LogContext.TENANT), "the outer context's value is back");
        }
        assertNull(MDC.get(LogContext.TENANT));
    }

    @Test
    void aDispatchGroupIsNamedByItsFirstIdsAndHowManyMore() {
        List<String> group = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            group.add("m" + i);
        }
        assertEquals("m1,m2,m3,m4,m5,m6,m7,m8,m9,m10,+2 more", LogContext.ids(group));
        assertEquals("m1,m2", LogContext.ids(group.subList(0, 2)));
    }
}
