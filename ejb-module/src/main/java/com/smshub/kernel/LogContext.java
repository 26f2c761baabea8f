package com.smshub.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.MDC;

/**
 * What a log line is about, in the log manager's mapped diagnostic context: every line written on this thread while
 * a context is open carries it, as {@code "mdc": {"messageId": ..., "tenant": ..., "provider": ..., "account": ...}}
 * in WildFly's JSON format, or {@code %X{messageId}} in a pattern (docs/operations.md, "Logs"). Ids and names only:
 * never a secret, never a message's text. Closing the context puts back what the keys held before, so contexts nest.
 */
public final class LogContext implements AutoCloseable {

    public static final String MESSAGE_ID = "messageId";
    /** A tenant's user name, where the caller is known by it (the SOAP contract, JMS batches). */
    public static final String TENANT = "tenant";
    /** A tenant's id, where only the stored message knows its tenant (dispatch): no lookup on the hot path. */
    public static final String TENANT_ID = "tenantId";
    public static final String PROVIDER = "provider";
    public static final String ACCOUNT = "account";

    /** A dispatch group's ids are named up to this many; beyond, the first ones and how many more. */
    static final int MOST_IDS = 10;

    private final Map<String, Object> before = new LinkedHashMap<>();

    private LogContext() {
    }

    /** A context of these keys and values (pairs); a null value leaves its key as it was. */
    public static LogContext of(String... keysAndValues) {
        LogContext context = new LogContext();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                context.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return context;
    }

    /** A context naming these messages: one id, or a dispatch group's ({@code a,b,c} or {@code a,b,...,+90 more}). */
    public static LogContext messages(List<String> ids) {
        return of(MESSAGE_ID, ids(ids));
    }

    /** Sets a key of this context (null: takes it away) until the context closes, which restores it too. */
    public LogContext put(String key, String value) {
        Object previous = value == null ? MDC.get(key) : MDC.put(key, value);
        if (value == null) {
            MDC.remove(key);
        }
        if (!before.containsKey(key)) {
            before.put(key, previous);
        }
        return this;
    }

    /** Message ids as the context names them: one, or a dispatch group's up to {@value #MOST_IDS} and how many more. */
    public static String ids(List<String> ids) {
        if (ids.size() <= MOST_IDS) {
            return String.join(",", ids);
        }
        List<String> shown = new ArrayList<>(ids.subList(0, MOST_IDS));
        shown.add("+" + (ids.size() - MOST_IDS) + " more");
        return String.join(",", shown);
    }

    @Override
    public void close() {
        before.forEach((key, previous) -> {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        });
    }
}
