package com.smshub.message;

import static com.smshub.message.Jdbc.time;
import static com.smshub.message.Jdbc.timestamp;
import static com.smshub.message.StatusRows.INSERT_CHANGE;
import static com.smshub.message.StatusRows.PREDECESSORS;
import static com.smshub.message.StatusRows.RANKS;
import static com.smshub.message.StatusRows.RANK_BELOW;
import static com.smshub.message.StatusRows.bindChange;
import static com.smshub.message.StatusRows.bindUpdate;
import static com.smshub.message.StatusRows.update;
import static com.smshub.message.StatusRows.updateSql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Reason;

/**
 * The status store: a message's status moves only forward, by one conditional update that the database checks
 * again against a concurrent one (so reports need no locking read), and every change is recorded in its history
 * ({@code status_change}), applied or not; open messages' checks are found, counted and ended here, and committed
 * changes are given their place in the tenants' feed. Runs in the caller's JTA transaction.
 */
@ApplicationScoped
public class StatusStore {

    /** What became of a status change given to {@link #apply}. */
    public enum Applied {
        /** The message moved forward. */
        APPLIED,
        /** Recorded in its history; the message did not move (a duplicate, a late report). */
        RECORDED,
        /** No such message. */
        UNKNOWN_MESSAGE
    }

    @Inject
    Jdbc jdbc;

    /**
     * A change to a message no one has locked (a report, a poll, the dead-letter queue): one conditional
     * update that moves it only forward, then its record, which takes the tenant from the message row. A
     * concurrent change to the same message waits for the first one's row lock, and the database checks the
     * condition again against the row that one committed.
     */
    public Applied apply(String messageId, StatusUpdate update) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.with(c -> {
            String movesForward = PREDECESSORS.get(update.status()); // null: nothing moves to it
            boolean applied = movesForward != null && update(c, messageId, movesForward, update, now, null, false) == 1;
            try (PreparedStatement s = c.prepareStatement(
                    INSERT_CHANGE + "SELECT tenant_id, id, ?, ?, ?, ?, ?, ?, ?, ? FROM message WHERE id = ?")) {
                bindChange(s, 1, update, applied, now);
                s.setString(9, messageId);
                if (s.executeUpdate() == 0) {
                    return Applied.UNKNOWN_MESSAGE;
                }
            }
            return applied ? Applied.APPLIED : Applied.RECORDED;
        });
    }

    /**
     * One message's change for {@link #applyAll}.
     *
     * @param onlyIfMoves recorded in the history only where it moves the message (a status a later change of the
     *                    same batch implies, such as SUBMITTED before a delivery report that came first)
     */
    public record Change(String messageId, StatusUpdate update, boolean onlyIfMoves) {

        public Change(String messageId, StatusUpdate update) {
            this(messageId, update, false);
        }
    }

    /**
     * {@link #apply} for many changes at once (a group of receipts, a page of a feed), in the order given: one
     * batch of conditional updates and one batch of history records instead of two round trips a change. The
     * condition is the same statement for every status (the rank of the status the row has, against the new
     * one's), so the updates run in the order given and a second change to the same message sees the first.
     */
    public List<Applied> applyAll(List<Change> changes) {
        Timestamp now = Timestamp.from(Instant.now());
        boolean[] applied = new boolean[changes.size()];
        return jdbc.with(c -> {
            // one batch a statement shape, the changes that keep checks first: StatusLedger's implied SUBMITTED keeps
            // them and must run before the report that implies it (a final status or UNKNOWN, which sets them)
            for (boolean keep : new boolean[] {true, false}) {
                List<Integer> shape = new ArrayList<>();
                for (int i = 0; i < changes.size(); i++) {
                    if ((changes.get(i).update().checkAt() == StatusUpdate.KEEP_CHECKS) == keep) {
                        shape.add(i);
                    }
                }
                if (shape.isEmpty()) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement(updateSql(keep, RANK_BELOW, false))) {
                    for (int i : shape) {
                        Change change = changes.get(i);
                        int next = bindUpdate(s, change.messageId(), change.update(), now, null);
                        s.setInt(next, RANKS.get(change.update().status()));
                        s.addBatch();
                    }
                    int[] counts = s.executeBatch();
                    for (int k = 0; k < counts.length; k++) {
                        applied[shape.get(k)] = counts[k] == 1 || counts[k] == Statement.SUCCESS_NO_INFO;
                    }
                }
            }
            List<Applied> results = new ArrayList<>(Collections.nCopies(changes.size(), Applied.RECORDED));
            List<Integer> recorded = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                if (applied[i] || !changes.get(i).onlyIfMoves()) {
                    recorded.add(i);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    INSERT_CHANGE + "SELECT tenant_id, id, ?, ?, ?, ?, ?, ?, ?, ? FROM message WHERE id = ?")) {
                for (int i : recorded) {
                    bindChange(s, 1, changes.get(i).update(), applied[i], now);
                    s.setString(9, changes.get(i).messageId());
                    s.addBatch();
                }
                int[] counts = recorded.isEmpty() ? new int[0] : s.executeBatch();
                for (int k = 0; k < counts.length; k++) {
                    int i = recorded.get(k);
                    results.set(i, counts[k] == 0 ? Applied.UNKNOWN_MESSAGE : applied[i] ? Applied.APPLIED : Applied.RECORDED);
                }
            }
            return results;
        });
    }

    /**
     * Our ids of the messages a provider gave this id, matched exactly as given, among one account's messages
     * where {@code accountId} is given; several where one request carried several messages. In key order, so
     * that changes to them lock rows in one order.
     */
    public List<String> idsByProviderId(ProviderCode provider, String providerMessageId, Long accountId) {
        List<String> ids = new ArrayList<>();
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM message WHERE provider = ? AND provider_message_id = ?"
                        + (accountId == null ? "" : " AND provider_account_id = ?") + " ORDER BY id")) {
                s.setString(1, provider.name());
                s.setString(2, providerMessageId);
                if (accountId != null) {
                    s.setLong(3, accountId);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString("id"));
                    }
                }
            }
        });
        return ids;
    }

    /** Open messages (SUBMITTED, UNKNOWN) whose next check has come, the longest due first. */
    public List<DueCheck> dueChecks(OffsetDateTime now, int most) {
        List<DueCheck> due = new ArrayList<>();
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "SELECT id, status, provider_message_id, provider_account_id, updated_at, polls FROM message "
                        + "WHERE next_check_at <= ? AND status IN ('SUBMITTED', 'UNKNOWN') "
                        + "ORDER BY next_check_at FETCH FIRST " + most + " ROWS ONLY")) {
                s.setTimestamp(1, timestamp(now));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Object account = r.getObject("provider_account_id");
                        due.add(new DueCheck(r.getString("id"), MessageStatus.valueOf(r.getString("status")),
                                r.getString("provider_message_id"), account == null ? null : ((Number) account).longValue(),
                                time(r, "updated_at"), r.getInt("polls")));
                    }
                }
            }
        });
        return due;
    }

    /** Counts a check that left the message open, and when to check next. */
    public void countPoll(String messageId, OffsetDateTime next) {
        jdbc.execute("UPDATE message SET polls = polls + 1, next_check_at = ? WHERE id = ?", timestamp(next), messageId);
    }

    /**
     * Ends the checks of an open message whose deadline passed: its status stays, the reason says why nothing
     * more will be learned, and its history records when.
     */
    public void endChecks(String messageId, Reason reason, String source) {
        Timestamp now = Timestamp.from(Instant.now());
        // only a message still open: one a report made final since the checks read it keeps its own reason
        if (jdbc.execute("UPDATE message SET next_check_at = NULL, reason_code = ?, reason = ? WHERE id = ? "
                + "AND status IN ('SUBMITTED', 'UNKNOWN')", reason.code(), reason.text(), messageId) == 0) {
            return;
        }
        jdbc.execute(INSERT_CHANGE + "SELECT tenant_id, id, status, FALSE, ?, ?, NULL, NULL, ?, NULL FROM message WHERE id = ?",
                now, source, reason.code(), messageId);
    }

    /**
     * Gives up to {@code most} committed status changes their place in the feed (seq), in the order they
     * became visible; the caller's transaction holds the sequencer's row lock.
     */
    public void sequenceChanges(int most) {
        jdbc.run(c -> {
            long last;
            try (PreparedStatement s = c.prepareStatement("SELECT last_value FROM sequencer WHERE name = 'status_change'");
                 ResultSet r = s.executeQuery()) {
                r.next();
                last = r.getLong("last_value");
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM status_change WHERE seq IS NULL ORDER BY id FETCH FIRST " + most + " ROWS ONLY")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong("id"));
                    }
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE status_change SET seq = ? WHERE id = ?")) {
                for (long id : ids) {
                    s.setLong(1, ++last);
                    s.setLong(2, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE sequencer SET last_value = ? WHERE name = 'status_change'")) {
                s.setLong(1, last);
                s.executeUpdate();
            }
        });
    }
}
