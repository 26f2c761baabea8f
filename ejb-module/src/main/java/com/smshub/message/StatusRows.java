package com.smshub.message;

import static com.smshub.message.Jdbc.setLong;
import static com.smshub.message.Jdbc.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderReport;

/**
 * How a status change is written to a message's row and to its history, shared by the status store and by the
 * outbox's record of a dispatch outcome: the conditions that let a status move only forward and the statements'
 * bindings. Static, on the caller's connection.
 */
final class StatusRows {

    private StatusRows() {
    }

    static final String INSERT_CHANGE = "INSERT INTO status_change (tenant_id, message_id, status, applied, "
            + "occurred_at, source, provider, raw_status, code, provider_message_id) ";

    /** For each status, the condition that the message is in one it may move on from (enum names only). */
    static final Map<MessageStatus, String> PREDECESSORS = new EnumMap<>(MessageStatus.class);

    static {
        for (MessageStatus next : MessageStatus.values()) {
            if (!next.predecessors().isEmpty()) {
                PREDECESSORS.put(next, next.predecessors().stream().map(p -> "'" + p.name() + "'")
                        .collect(Collectors.joining(", ", " AND status IN (", ")")));
            }
        }
    }

    /**
     * Each status's rank in the order statuses move: how many statuses may move to it (MessageStatus), which
     * grows with its rank; in the condition a final status ranks above them all, since nothing leaves it.
     */
    static final Map<MessageStatus, Integer> RANKS = new EnumMap<>(MessageStatus.class);
    /** The row's status ranks below the new one's (the parameter): the one condition {@link #applyAll} needs. */
    static final String RANK_BELOW;

    static {
        for (MessageStatus status : MessageStatus.values()) {
            RANKS.put(status, status.predecessors().size());
        }
        int aboveAll = RANKS.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        StringBuilder rank = new StringBuilder(" AND CASE status");
        for (MessageStatus status : MessageStatus.values()) {
            rank.append(" WHEN '").append(status.name()).append("' THEN ").append(status.isFinal() ? aboveAll : RANKS.get(status));
        }
        RANK_BELOW = rank.append(" END < ?").toString();
    }

    /**
     * The message row takes its new status and reason; a handover also names the account. The next check
     * follows the update ({@link StatusUpdate#KEEP_CHECKS} leaves it).
     */
    static int update(Connection c, String messageId, String condition, StatusUpdate update, Timestamp now,
            Handover handover, boolean closesAttempt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(updateSql(update.checkAt() == StatusUpdate.KEEP_CHECKS, condition,
                closesAttempt))) {
            bindUpdate(s, messageId, update, now, handover);
            return s.executeUpdate();
        }
    }

    /** The update of a status; dispatch's outcome also closes the message's attempt (Attempts). */
    static String updateSql(boolean keepChecks, String condition, boolean closesAttempt) {
        return "UPDATE message SET status = ?, updated_at = ?, "
                + (closesAttempt ? "attempt_started_at = NULL, attempt_owner = NULL, " : "")
                + "provider_raw_status = COALESCE(?, provider_raw_status), provider_code = COALESCE(?, provider_code), "
                + "provider_message_id = COALESCE(?, provider_message_id), reason_code = ?, reason = ?, "
                + (keepChecks ? "" : "next_check_at = ?, ")
                + "provider = COALESCE(?, provider), provider_account_id = COALESCE(?, provider_account_id) WHERE id = ?"
                + condition;
    }

    /** Binds an update made by {@link #updateSql}; the index of the condition's first parameter. */
    static int bindUpdate(PreparedStatement s, String messageId, StatusUpdate update, Timestamp now,
            Handover handover) throws SQLException {
        ProviderReport report = update.report();
        int i = 1;
        s.setString(i++, update.status().name());
        s.setTimestamp(i++, now);
        s.setString(i++, report == null ? null : report.rawStatus());
        s.setString(i++, report == null ? null : report.code());
        s.setString(i++, report == null ? null : report.providerMessageId());
        s.setString(i++, update.reason() == null ? null : update.reason().code());
        s.setString(i++, update.reason() == null ? null : update.reason().text());
        if (update.checkAt() != StatusUpdate.KEEP_CHECKS) {
            s.setTimestamp(i++, timestamp(update.checkAt()));
        }
        s.setString(i++, handover == null ? null : handover.provider().name());
        setLong(s, i++, handover == null ? null : handover.accountId());
        s.setString(i++, messageId);
        return i;
    }

    /** Binds a change's status, applied flag, time, source and report from parameter {@code first} on. */
    static void bindChange(PreparedStatement s, int first, StatusUpdate update, boolean applied, Timestamp now)
            throws SQLException {
        ProviderReport report = update.report();
        int i = first;
        s.setString(i++, update.status().name());
        s.setBoolean(i++, applied);
        s.setTimestamp(i++, report == null || report.occurredAt() == null ? now : timestamp(report.occurredAt()));
        s.setString(i++, update.source());
        s.setString(i++, report == null ? null : report.provider().name());
        s.setString(i++, report == null ? null : report.rawStatus());
        s.setString(i++, report == null ? null : report.code());
        s.setString(i, report == null ? null : report.providerMessageId());
    }
}
