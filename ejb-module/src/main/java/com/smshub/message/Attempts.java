package com.smshub.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Reason;

/**
 * The attempt journal on the message rows (docs/reliability.md): dispatch commits that an attempt is going out
 * before it calls a provider, and its outcome's update closes it (Outbox). An attempt left open by a
 * dispatcher that is gone may have reached the provider or not; it is resolved here, never by queueing the
 * message again blindly. Runs in the caller's transaction.
 */
@ApplicationScoped
public class Attempts {

    @Inject
    Jdbc jdbc;

    /**
     * Opens the next attempt of claimed messages (a dispatch group's in one batch), going to this account, sent by
     * this owner; the caller commits it before the provider is called.
     */
    public void open(List<ClaimedMessage> messages, Long accountId, String owner, Instant now) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "UPDATE message SET attempts = ?, attempt_started_at = ?, attempt_account_id = ?, attempt_owner = ? WHERE id = ?")) {
                Timestamp at = Timestamp.from(now);
                for (ClaimedMessage message : messages) {
                    s.setInt(1, message.attempts() + 1);
                    s.setTimestamp(2, at);
                    if (accountId == null) {
                        s.setNull(3, java.sql.Types.BIGINT);
                    } else {
                        s.setLong(3, accountId);
                    }
                    s.setString(4, owner);
                    s.setString(5, message.id());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** The attempt under way goes to another account (failover, after one that certainly did not send it), or to none. */
    public void reroute(String messageId, Long accountId) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "UPDATE message SET attempt_account_id = ? WHERE id = ? AND attempt_started_at IS NOT NULL")) {
                if (accountId == null) {
                    s.setNull(1, java.sql.Types.BIGINT); // no account has an adapter: nothing will be called
                } else {
                    s.setLong(1, accountId);
                }
                s.setString(2, messageId);
                s.executeUpdate();
            }
        });
    }

    /** Closes attempts that certainly sent nothing; the messages wait as they were. */
    public void close(List<String> messageIds) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "UPDATE message SET attempt_started_at = NULL, attempt_owner = NULL WHERE id = ?")) {
                for (String id : messageIds) {
                    s.setString(1, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /**
     * An attempt under way: its message, number, start, owner, the account it went to and that account's policy
     * for ambiguous attempts ({@code HOLD} where the account is unknown).
     */
    public record OpenAttempt(String messageId, int attempt, Instant startedAt, String owner, Long accountId,
            ProviderCode provider, String policy) {
    }

    /** The attempts under way that began before this time, the oldest first. */
    public List<OpenAttempt> openBefore(Instant before, int most) {
        List<OpenAttempt> open = new ArrayList<>();
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "SELECT m.id, m.attempts, m.attempt_started_at, m.attempt_owner, m.attempt_account_id, a.provider, "
                        + "a.ambiguous_attempts FROM message m LEFT JOIN provider_account a ON a.id = m.attempt_account_id "
                        + "WHERE m.attempt_started_at < ? ORDER BY m.attempt_started_at FETCH FIRST " + most + " ROWS ONLY")) {
                s.setTimestamp(1, Timestamp.from(before));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Object account = r.getObject("attempt_account_id");
                        String provider = r.getString("provider");
                        String policy = r.getString("ambiguous_attempts");
                        open.add(new OpenAttempt(r.getString("id"), r.getInt("attempts"), r.getTimestamp("attempt_started_at").toInstant(),
                                r.getString("attempt_owner"), account == null ? null : ((Number) account).longValue(),
                                provider == null ? null : ProviderCode.valueOf(provider), policy == null ? "HOLD" : policy));
                    }
                }
            }
        });
        return open;
    }

    /**
     * Holds an interrupted attempt's message: UNKNOWN with the reason, at the account it went to, checked from
     * {@code checkAt} (asked about where the provider answers by our id; a later report by our id settles it),
     * never sent again. A message a report moved on meanwhile keeps its status; its attempt is closed all the
     * same. Nothing when the attempt is no longer the one read (its dispatcher finished it after all).
     *
     * @return whether the attempt was still open
     */
    public boolean hold(OpenAttempt attempt, Reason reason, OffsetDateTime checkAt, String source) {
        return hold(attempt, null, reason, checkAt, source);
    }

    /**
     * {@link #hold(OpenAttempt, Reason, OffsetDateTime, String) Holds} a message the provider answered with its id,
     * whose outcome could not be recorded: the message keeps that id, so that the provider's report, parked until
     * a message has it, and the status checks still settle it.
     */
    public boolean hold(OpenAttempt attempt, String providerMessageId, Reason reason, OffsetDateTime checkAt, String source) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.with(c -> {
            int held;
            try (PreparedStatement s = c.prepareStatement("UPDATE message SET status = 'UNKNOWN', updated_at = ?, reason_code = ?, "
                    + "reason = ?, next_check_at = ?, provider = COALESCE(?, provider), provider_account_id = COALESCE(?, "
                    + "provider_account_id), provider_message_id = COALESCE(?, provider_message_id), attempt_started_at = NULL, "
                    + "attempt_owner = NULL WHERE id = ? AND attempts = ? "
                    + "AND attempt_started_at IS NOT NULL AND status IN ('QUEUED', 'SCHEDULED')")) {
                s.setTimestamp(1, now);
                s.setString(2, reason.code());
                s.setString(3, reason.text());
                s.setTimestamp(4, Timestamp.from(checkAt.toInstant()));
                s.setString(5, attempt.provider() == null ? null : attempt.provider().name());
                if (attempt.accountId() == null) {
                    s.setNull(6, java.sql.Types.BIGINT);
                } else {
                    s.setLong(6, attempt.accountId());
                }
                s.setString(7, Jdbc.truncate(providerMessageId, 255));
                s.setString(8, attempt.messageId());
                s.setInt(9, attempt.attempt());
                held = s.executeUpdate();
            }
            if (held == 0) {
                return closeIfOpen(c, attempt);
            }
            record(c, attempt, "UNKNOWN", true, source, reason.code(), now);
            return true;
        });
    }

    /**
     * Sends an interrupted attempt's message again (its account's policy is RESEND): back in the outbox now, the
     * next attempt counted, recorded in its history. A message a report moved on meanwhile is not sent again.
     *
     * @return whether the attempt was still open
     */
    public boolean resend(OpenAttempt attempt, String source) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.with(c -> {
            int queued;
            try (PreparedStatement s = c.prepareStatement("UPDATE message SET dispatch_due_at = ?, updated_at = ?, "
                    + "attempt_started_at = NULL, attempt_owner = NULL WHERE id = ? AND attempts = ? "
                    + "AND attempt_started_at IS NOT NULL AND status IN ('QUEUED', 'SCHEDULED')")) {
                s.setTimestamp(1, now);
                s.setTimestamp(2, now);
                s.setString(3, attempt.messageId());
                s.setInt(4, attempt.attempt());
                queued = s.executeUpdate();
            }
            if (queued == 0) {
                return closeIfOpen(c, attempt);
            }
            record(c, attempt, "QUEUED", false, source, "ATTEMPT_RESENT", now);
            return true;
        });
    }

    private static boolean closeIfOpen(Connection c, OpenAttempt attempt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE message SET attempt_started_at = NULL, attempt_owner = NULL "
                + "WHERE id = ? AND attempts = ? AND attempt_started_at IS NOT NULL")) {
            s.setString(1, attempt.messageId());
            s.setInt(2, attempt.attempt());
            return s.executeUpdate() == 1;
        }
    }

    private static void record(Connection c, OpenAttempt attempt, String status, boolean applied, String source, String code,
            Timestamp now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO status_change (tenant_id, message_id, status, applied, "
                + "occurred_at, source, provider, raw_status, code, provider_message_id) SELECT tenant_id, id, ?, ?, ?, ?, ?, "
                + "NULL, ?, NULL FROM message WHERE id = ?")) {
            s.setString(1, status);
            s.setBoolean(2, applied);
            s.setTimestamp(3, now);
            s.setString(4, source);
            s.setString(5, attempt.provider() == null ? null : attempt.provider().name());
            s.setString(6, code);
            s.setString(7, attempt.messageId());
            s.executeUpdate();
        }
    }
}
