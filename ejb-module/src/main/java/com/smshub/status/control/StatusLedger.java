package com.smshub.status.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.provider.ProviderCode;
import com.smshub.sending.control.StoreException;
import com.smshub.status.entity.MessageStatus;
import com.smshub.status.entity.ProviderReport;

/**
 * The one place a message's status changes. It moves only forward; every report is recorded with its time
 * and source, and one that would move the message backwards or repeat a status (a duplicate or late
 * report) is recorded as not applied and changes nothing. Runs in the caller's transaction, with the
 * message row locked, so concurrent reports for one message are applied one after the other.
 */
@ApplicationScoped
public class StatusLedger {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** Where the dispatcher handed a message, and when the poller should first ask about it (null: never). */
    public record Handover(ProviderCode provider, long accountId, OffsetDateTime checkAt) {
    }

    private static final String INSERT_CHANGE = "INSERT INTO status_change (tenant_id, message_id, status, applied, "
            + "occurred_at, source, provider, raw_status, code, provider_message_id) ";

    /** A message whose row the caller's transaction holds locked (claimed for dispatch), as it was read. */
    public record Locked(String messageId, long tenantId, MessageStatus status) {
    }

    /**
     * The dispatcher's outcome for a message it claimed: the account it went to, its new status and when to
     * ask the provider about it, in one update of the message row (dispatch is the hot path: the claim
     * already read and locked the row, so it is not read again). A null handover: no account took it.
     */
    public boolean dispatched(Locked message, Handover handover, MessageStatus next, ProviderReport report,
            String reasonCode, String reason) {
        String messageId = message.messageId();
        Timestamp now = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
        try (Connection c = dataSource.getConnection()) {
            boolean applied = message.status().canMoveTo(next);
            if (applied) {
                update(c, messageId, "", next, now, report, reasonCode, reason, handover);
            } else if (handover != null) {
                assign(messageId, handover.provider().name(), handover.accountId());
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_CHANGE + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, message.tenantId());
                s.setString(2, messageId);
                bindChange(s, 3, next, applied, now, "DISPATCH", report);
                s.executeUpdate();
            }
            return applied;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * A change to a message no one has locked yet (a report, a poll, the dead-letter queue): one conditional
     * update that moves it only forward, then its record, taking the tenant from the message row. A
     * concurrent change to the same message waits for the first one's row lock, and the database checks the
     * condition again against the row that one committed.
     *
     * @return whether the change was applied; false when the message is unknown or it would not move forward
     */
    public boolean apply(String messageId, MessageStatus next, String source, ProviderReport report, String reasonCode,
            String reason) {
        Timestamp now = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
        try (Connection c = dataSource.getConnection()) {
            String movesForward = PREDECESSORS.get(next); // null: nothing moves to it
            boolean applied = movesForward != null
                    && update(c, messageId, movesForward, next, now, report, reasonCode, reason, null) == 1;
            try (PreparedStatement s = c.prepareStatement(
                    INSERT_CHANGE + "SELECT tenant_id, id, ?, ?, ?, ?, ?, ?, ?, ? FROM message WHERE id = ?")) {
                bindChange(s, 1, next, applied, now, source, report);
                s.setString(9, messageId);
                return s.executeUpdate() == 1 && applied; // 0: no such message
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** For each status, the condition that the message is in one it may move on from (enum names only). */
    private static final Map<MessageStatus, String> PREDECESSORS = new EnumMap<>(MessageStatus.class);

    static {
        for (MessageStatus next : MessageStatus.values()) {
            if (next.predecessors().isEmpty()) {
                continue;
            }
            PREDECESSORS.put(next, next.predecessors().stream().map(p -> "'" + p.name() + "'")
                    .collect(Collectors.joining(", ", " AND status IN (", ")")));
        }
    }

    /**
     * The message row takes its new status. The reason explains the status it comes with, so a later status
     * drops it; a handover also names the account and the next check, and any other change ends the checks.
     */
    private static int update(Connection c, String messageId, String condition, MessageStatus next, Timestamp now,
            ProviderReport report, String reasonCode, String reason, Handover handover) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE message SET status = ?, updated_at = ?, "
                + "provider_raw_status = COALESCE(?, provider_raw_status), provider_code = COALESCE(?, provider_code), "
                + "provider_message_id = COALESCE(?, provider_message_id), reason_code = ?, "
                + "reason = ?, next_check_at = ?, provider = COALESCE(?, provider), "
                + "provider_account_id = COALESCE(?, provider_account_id) WHERE id = ?" + condition)) {
            s.setString(1, next.name());
            s.setTimestamp(2, now);
            s.setString(3, report == null ? null : report.rawStatus());
            s.setString(4, report == null ? null : report.code());
            s.setString(5, report == null ? null : report.providerMessageId());
            s.setString(6, reasonCode);
            s.setString(7, reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000));
            s.setTimestamp(8, handover == null || handover.checkAt() == null ? null
                    : Timestamp.from(handover.checkAt().toInstant()));
            s.setString(9, handover == null ? null : handover.provider().name());
            if (handover == null) {
                s.setNull(10, Types.BIGINT);
            } else {
                s.setLong(10, handover.accountId());
            }
            s.setString(11, messageId);
            return s.executeUpdate();
        }
    }

    /** Binds a change's status, applied flag, time, source and report from parameter {@code first} on. */
    private static void bindChange(PreparedStatement s, int first, MessageStatus next, boolean applied, Timestamp now,
            String source, ProviderReport report) throws SQLException {
        int i = first;
        s.setString(i++, next.name());
        s.setBoolean(i++, applied);
        s.setTimestamp(i++, now);
        s.setString(i++, source);
        if (report == null) {
            s.setNull(i++, Types.VARCHAR);
            s.setNull(i++, Types.VARCHAR);
            s.setNull(i++, Types.VARCHAR);
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i++, report.provider().name());
            s.setString(i++, report.rawStatus());
            s.setString(i++, report.code());
            s.setString(i, report.providerMessageId());
        }
    }

    /** Asks the status poller to ask the provider about this message from this time on; null: never again. */
    public void checkAgainAt(String messageId, OffsetDateTime when) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE message SET next_check_at = ? WHERE id = ?")) {
            s.setTimestamp(1, when == null ? null : Timestamp.from(when.toInstant()));
            s.setString(2, messageId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Counts a status poll that left the message open, and when to ask next. */
    public void countPoll(String messageId, OffsetDateTime next) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE message SET polls = polls + 1, next_check_at = ? WHERE id = ?")) {
            s.setTimestamp(1, Timestamp.from(next.toInstant()));
            s.setString(2, messageId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Records which account a message was handed to. */
    public void assign(String messageId, String provider, long accountId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE message SET provider = ?, provider_account_id = ? WHERE id = ?")) {
            s.setString(1, provider);
            s.setLong(2, accountId);
            s.setString(3, messageId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
