package com.smshub.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.MessageStatus;

/**
 * Old send requests removed whole, with their messages and each message's history, parts and dispatch failures: a
 * request goes once every message of it is final, no attempt of it is open, nothing is due for it, and it and its
 * messages' last changes are older than the cut-off. Walked in the order requests were taken (their identity),
 * which needs no index beyond those sending keeps anyway. The cursors of {@code GetStatusChanges} and
 * {@code GetInboundMessages} come from the sequencer table, not from the rows, so removing rows never moves them.
 * Runs in the caller's transaction: one batch a transaction, so a purge keeps nothing locked for long.
 */
@ApplicationScoped
public class Purging {

    /** The statuses a message ends in, as SQL. */
    static final String FINAL = Arrays.stream(MessageStatus.values()).filter(MessageStatus::isFinal)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    @Inject
    Jdbc jdbc;

    /** What one batch came to: the last request looked at (the next batch starts after it), and what went. */
    public record Batch(long lastRequestId, int requestsLookedAt, int requests, int messages, int statusChanges) {

        /** Whether the walk has reached requests newer than the cut-off, or the end. */
        public boolean done(int batchSize) {
            return requestsLookedAt < batchSize;
        }
    }

    /**
     * Removes, of the next {@code batchSize} requests after {@code afterRequestId} taken before the cut-off, those
     * whose messages are all final and older than it (of one tenant, or of every tenant when null).
     */
    public Batch purge(OffsetDateTime cutOff, Long tenantId, long afterRequestId, int batchSize) {
        return jdbc.with(c -> {
            List<Long> requests = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM send_request WHERE id > ? AND created_at < ?"
                    + (tenantId == null ? "" : " AND tenant_id = ?") + " ORDER BY id FETCH FIRST " + batchSize + " ROWS ONLY")) {
                s.setLong(1, afterRequestId);
                s.setTimestamp(2, Jdbc.timestamp(cutOff));
                if (tenantId != null) {
                    s.setLong(3, tenantId);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        requests.add(r.getLong(1));
                    }
                }
            }
            if (requests.isEmpty()) {
                return new Batch(afterRequestId, 0, 0, 0, 0);
            }
            long last = requests.get(requests.size() - 1);
            Set<Long> kept = new HashSet<>();
            String in = Jdbc.placeholders(requests.size());
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT request_id FROM message WHERE request_id IN (" + in
                    + ") AND (status NOT IN (" + FINAL + ") OR updated_at >= ? OR attempt_started_at IS NOT NULL"
                    + " OR dispatch_due_at IS NOT NULL OR next_check_at IS NOT NULL)")) {
                int i = bind(s, requests, 1);
                s.setTimestamp(i, Jdbc.timestamp(cutOff));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        kept.add(r.getLong(1));
                    }
                }
            }
            List<Long> going = requests.stream().filter(id -> !kept.contains(id)).toList();
            if (going.isEmpty()) {
                return new Batch(last, requests.size(), 0, 0, 0);
            }
            String goingIn = Jdbc.placeholders(going.size());
            String messagesOf = "SELECT id FROM message WHERE request_id IN (" + goingIn + ")";
            int changes = delete(c, "DELETE FROM status_change WHERE message_id IN (" + messagesOf + ")", going);
            delete(c, "DELETE FROM message_part WHERE message_id IN (" + messagesOf + ")", going);
            delete(c, "DELETE FROM dispatch_failure WHERE message_id IN (" + messagesOf + ")", going);
            int messages = delete(c, "DELETE FROM message WHERE request_id IN (" + goingIn + ")", going);
            int removed = delete(c, "DELETE FROM send_request WHERE id IN (" + goingIn + ")", going);
            return new Batch(last, requests.size(), removed, messages, changes);
        });
    }

    private static int delete(Connection c, String sql, List<Long> requests) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, requests, 1);
            return s.executeUpdate();
        }
    }

    private static int bind(PreparedStatement s, List<Long> ids, int from) throws SQLException {
        int i = from;
        for (Long id : ids) {
            s.setLong(i++, id);
        }
        return i;
    }
}
