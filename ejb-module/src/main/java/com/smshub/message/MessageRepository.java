package com.smshub.message;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.Encoding;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.Reason;
import com.smshub.kernel.SmsContent;
import com.smshub.kernel.StoreException;

/**
 * Messages and their status history in the database: every statement on the {@code message} and
 * {@code status_change} tables is here. Plain JDBC, on purpose (docs/persistence.md): a SendBatch of 20,000
 * messages is a handful of batched round trips, a status change is one conditional update that the database
 * re-checks against a concurrent one, dispatch claims by key with a row lock, and the periodic jobs' queries
 * keep the plans their partial indexes were made for. Runs in the caller's JTA transaction (the datasource
 * enlists itself); rows are read by column name.
 */
@ApplicationScoped
public class MessageRepository {

    /** What became of a status change given to {@link #apply}. */
    public enum Applied {
        /** The message moved forward. */
        APPLIED,
        /** Recorded in its history; the message did not move (a duplicate, a late report). */
        RECORDED,
        /** No such message. */
        UNKNOWN_MESSAGE
    }

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    // ---- acceptance ---------------------------------------------------------------------------------------

    private static final String INSERT_MESSAGE = "INSERT INTO message (id, tenant_id, request_id, position, item_reference, "
            + "recipient, originator_type, originator, text_body, binary_hex, udh_hex, destination_port, source_port, "
            + "encoding, segments, flash, scheduled_at, validity_minutes, premium_amount, premium_currency, "
            + "premium_description, cost_centre, sub_id_1, sub_id_2, provider_preference, status, reason_code, reason, "
            + "provider, provider_account_id, price_amount, price_currency, polls, accepted_at, updated_at, dispatch_due_at, "
            + "dispatch_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, 0, ?, ?, ?, ?)";

    /** Stores messages and their first status change in two batched statements. */
    public void insert(long requestId, List<NewMessage> messages, OffsetDateTime now, String source) {
        Timestamp at = Timestamp.from(now.toInstant());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT_MESSAGE)) {
            executeInBatches(s, messages, (m, statement) -> bindNew(statement, requestId, m, at));
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        String history = "INSERT INTO status_change (tenant_id, message_id, status, applied, occurred_at, source) "
                + "VALUES (?, ?, ?, TRUE, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(history)) {
            executeInBatches(s, messages, (m, statement) -> {
                statement.setLong(1, m.addressee().tenantId());
                statement.setString(2, m.id());
                statement.setString(3, m.status().name());
                statement.setTimestamp(4, at);
                statement.setString(5, source);
            });
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static void bindNew(PreparedStatement s, long requestId, NewMessage m, Timestamp at) throws SQLException {
        SmsContent content = m.content();
        NewMessage.Assignment a = m.assignment();
        int i = 1;
        s.setString(i++, m.id());
        s.setLong(i++, m.addressee().tenantId());
        s.setLong(i++, requestId);
        s.setInt(i++, m.addressee().position());
        s.setString(i++, m.addressee().itemReference());
        s.setString(i++, truncate(m.addressee().recipient(), 40));
        s.setString(i++, content.originator() == null ? null : content.originator().type().name());
        s.setString(i++, content.originator() == null ? null : content.originator().value());
        s.setString(i++, content.text());
        s.setString(i++, content.binaryHex());
        s.setString(i++, content.udhHex());
        setInt(s, i++, content.destinationPort());
        setInt(s, i++, content.sourcePort());
        s.setString(i++, m.segmentation().encoding().name());
        s.setInt(i++, m.segmentation().segments());
        s.setBoolean(i++, content.flash());
        s.setTimestamp(i++, timestamp(content.scheduledAt()));
        setInt(s, i++, content.validityMinutes());
        s.setBigDecimal(i++, content.premium() == null ? null : content.premium().amount());
        s.setString(i++, content.premium() == null ? null : content.premium().currency());
        s.setString(i++, content.premiumDescription());
        s.setString(i++, content.costCentre());
        s.setString(i++, content.subId1());
        s.setString(i++, content.subId2());
        s.setString(i++, content.providerPreference() == null ? null : content.providerPreference().name());
        s.setString(i++, m.status().name());
        s.setString(i++, m.reason() == null ? null : m.reason().code());
        s.setString(i++, m.reason() == null ? null : m.reason().text());
        s.setString(i++, a == null ? null : a.provider().name());
        setLong(s, i++, a == null ? null : a.accountId());
        s.setBigDecimal(i++, a == null || a.price() == null ? null : a.price().amount());
        s.setString(i++, a == null || a.price() == null ? null : a.price().currency());
        s.setTimestamp(i++, at);
        s.setTimestamp(i++, at);
        s.setTimestamp(i++, a == null ? null : timestamp(a.dispatchDueAt()));
        s.setString(i, a == null ? null : a.dispatchGroup());
    }

    /**
     * The outcomes a request got when it was first accepted, in the caller's order: each message with the
     * status it was first given.
     */
    public List<RecipientOutcome> firstOutcomes(long requestId) {
        String sql = "SELECT m.id, m.recipient, m.reason_code, m.reason, m.encoding, m.segments, m.provider, m.price_amount, "
                + "m.price_currency, (SELECT sc.status FROM status_change sc WHERE sc.message_id = m.id ORDER BY sc.id "
                + "FETCH FIRST 1 ROWS ONLY) AS first_status FROM message m WHERE m.request_id = ? ORDER BY m.position";
        List<RecipientOutcome> outcomes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    MessageStatus status = MessageStatus.valueOf(r.getString("first_status"));
                    boolean accepted = status != MessageStatus.REJECTED;
                    String reasonCode = r.getString("reason_code");
                    outcomes.add(new RecipientOutcome(r.getString("recipient"), accepted ? r.getString("id") : null, accepted,
                            status, reasonCode == null ? null : new Reason(reasonCode, r.getString("reason")),
                            enumOrNull(Encoding.class, r.getString("encoding")), (Integer) r.getObject("segments"),
                            enumOrNull(ProviderCode.class, r.getString("provider")),
                            money(r.getBigDecimal("price_amount"), r.getString("price_currency"))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return outcomes;
    }

    // ---- dispatch -----------------------------------------------------------------------------------------

    /** The messages due for the dispatch queue, oldest first, by the outbox index. */
    static String due(int most) {
        return "SELECT id, dispatch_group FROM message WHERE dispatch_due_at <= ? ORDER BY dispatch_due_at "
                + "FETCH FIRST " + most + " ROWS ONLY";
    }

    /**
     * Takes up to {@code most} messages out of the outbox (their due time has come) and returns them as
     * dispatches: a message alone, or the messages of a dispatch group together. The caller queues them in
     * the same transaction, so a message is queued exactly once.
     */
    public List<Dispatch> takeDue(int most, Instant now) {
        List<String> due = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<Dispatch> dispatches = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(due(most))) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String id = r.getString("id");
                        String group = r.getString("dispatch_group");
                        due.add(id);
                        if (group == null) {
                            dispatches.add(new Dispatch(List.of(id)));
                        } else {
                            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
                        }
                    }
                }
            }
            if (due.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE message SET dispatch_due_at = NULL WHERE id = ?")) {
                for (String id : due) {
                    s.setString(1, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        groups.values().forEach(ids -> dispatches.add(new Dispatch(ids)));
        return dispatches;
    }

    /**
     * Messages still waiting for dispatch long after they were queued (QUEUED, or SCHEDULED and due, and not
     * touched for {@code stale}): their wait counts from now again, and the caller queues them again.
     */
    public List<String> takeStale(Duration stale, int most) {
        Timestamp before = Timestamp.from(Instant.now().minus(stale));
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM message WHERE updated_at < ? AND (status = 'QUEUED' "
                    + "OR (status = 'SCHEDULED' AND scheduled_at < ?)) ORDER BY updated_at FETCH FIRST " + most + " ROWS ONLY")) {
                s.setTimestamp(1, before);
                s.setTimestamp(2, before);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString("id"));
                    }
                }
            }
            if (!ids.isEmpty()) {
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement s = c.prepareStatement("UPDATE message SET updated_at = ? WHERE id = ?")) {
                    for (String id : ids) {
                        s.setTimestamp(1, now);
                        s.setString(2, id);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return ids;
    }

    static final String CLAIM = "SELECT id, tenant_id, recipient, originator_type, originator, text_body, binary_hex, "
            + "udh_hex, destination_port, source_port, flash, scheduled_at, validity_minutes, premium_amount, premium_currency, "
            + "premium_description, cost_centre, sub_id_1, sub_id_2, provider_preference, status, provider_account_id "
            + "FROM message WHERE id = ? FOR UPDATE";

    /**
     * Claims one message for dispatch: empty when it is unknown or no longer waiting (another delivery of its
     * JMS message, on this node or another, already sent it). The claim locks the row until the caller's
     * transaction ends, and writes nothing: a concurrent claim waits for the lock and then reads the row the
     * first claimant committed, so only one of them finds it waiting. The row is found by its key alone and
     * its status checked here: with a status condition in the query, PostgreSQL's planner, once its
     * statistics say few messages wait, walks the waiting messages' partial index instead of the key, and
     * under load that is every queued message for each claim.
     */
    public Optional<ClaimedMessage> claim(String messageId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, messageId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                MessageStatus status = MessageStatus.valueOf(r.getString("status"));
                if (status != MessageStatus.QUEUED && status != MessageStatus.SCHEDULED) {
                    return Optional.empty();
                }
                Object account = r.getObject("provider_account_id");
                return Optional.of(new ClaimedMessage(r.getString("id"), r.getLong("tenant_id"),
                        new Msisdn(r.getString("recipient")), content(r), status,
                        account == null ? null : ((Number) account).longValue()));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Claims the messages of a dispatch group, as {@link #claim} claims one: those still waiting, in the order
     * of their ids (two claims of overlapping groups lock rows in one order), 500 to a statement.
     */
    public List<ClaimedMessage> claimAll(List<String> messageIds) {
        List<String> sorted = messageIds.stream().sorted().distinct().toList();
        List<ClaimedMessage> claimed = new ArrayList<>(sorted.size());
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < sorted.size(); from += CHUNK) {
                List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
                try (PreparedStatement s = c.prepareStatement(CLAIM.replace("WHERE id = ?", "WHERE id IN ("
                        + placeholders(chunk.size()) + ") ORDER BY id"))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            MessageStatus status = MessageStatus.valueOf(r.getString("status"));
                            if (status == MessageStatus.QUEUED || status == MessageStatus.SCHEDULED) {
                                Object account = r.getObject("provider_account_id");
                                claimed.add(new ClaimedMessage(r.getString("id"), r.getLong("tenant_id"),
                                        new Msisdn(r.getString("recipient")), content(r), status,
                                        account == null ? null : ((Number) account).longValue()));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return claimed;
    }

    private static final int CHUNK = 500;

    private static SmsContent content(ResultSet r) throws SQLException {
        String text = r.getString("text_body");
        SmsContent.Builder content = text != null ? SmsContent.text(text)
                : SmsContent.binary(r.getString("binary_hex")).udh(r.getString("udh_hex"))
                        .ports((Integer) r.getObject("destination_port"), (Integer) r.getObject("source_port"));
        String originatorType = r.getString("originator_type");
        return content
                .originator(originatorType == null ? null
                        : new Originator(Originator.Type.valueOf(originatorType), r.getString("originator")))
                .flash(r.getBoolean("flash"))
                .scheduledAt(time(r, "scheduled_at"))
                .validityMinutes((Integer) r.getObject("validity_minutes"))
                .premium(money(r.getBigDecimal("premium_amount"), r.getString("premium_currency")),
                        r.getString("premium_description"))
                .tags(r.getString("cost_centre"), r.getString("sub_id_1"), r.getString("sub_id_2"))
                .providerPreference(enumOrNull(ProviderCode.class, r.getString("provider_preference")))
                .build();
    }

    /**
     * Dispatch's outcome for a message it claimed: the account it went to, its new status and when to ask the
     * provider about it, in one update of the locked row (dispatch is the hot path: the claim already read
     * the row, so it is not read again), and its record. A null handover: no account took it. Should the row
     * have moved on since the claim read it, the status it has stays, and the account, the provider's id and
     * the next check are still recorded.
     *
     * @return whether the status moved
     */
    public boolean dispatched(ClaimedMessage message, Handover handover, StatusUpdate update) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            // the row is as the claim read it, unless it was not locked since: then the status it has decides
            boolean applied = message.status().canMoveTo(update.status())
                    && update(c, message.id(), " AND status = '" + message.status().name() + "'", update, now, handover) == 1;
            if (!applied && handover != null) {
                // a report came before the provider's answer: keep the status it set, and still learn the
                // account, the provider's id and when to ask, should the final report never come
                try (PreparedStatement s = c.prepareStatement("UPDATE message SET provider = ?, provider_account_id = ?, "
                        + "provider_message_id = COALESCE(provider_message_id, ?), next_check_at = CASE WHEN "
                        + "status IN ('SUBMITTED', 'UNKNOWN') AND next_check_at IS NULL THEN ? ELSE next_check_at END "
                        + "WHERE id = ?")) {
                    s.setString(1, handover.provider().name());
                    s.setLong(2, handover.accountId());
                    s.setString(3, update.report() == null ? null : update.report().providerMessageId());
                    s.setTimestamp(4, update.checkAt() == StatusUpdate.KEEP_CHECKS ? null : timestamp(update.checkAt()));
                    s.setString(5, message.id());
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_CHANGE + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, message.tenantId());
                s.setString(2, message.id());
                bindChange(s, 3, update, applied, now);
                s.executeUpdate();
            }
            return applied;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** One claimed message's dispatch outcome, for {@link #dispatchedAll}. */
    public record Dispatched(ClaimedMessage message, Handover handover, StatusUpdate update) {
    }

    /**
     * The outcomes of a dispatch group's messages, as {@link #dispatched} records one, with one batched update
     * and one batched insert for all of them (a MOBIPACE request may carry 20,000 messages).
     */
    public void dispatchedAll(List<Dispatched> outcomes) {
        Timestamp now = Timestamp.from(Instant.now());
        boolean[] applied = new boolean[outcomes.size()];
        try (Connection c = dataSource.getConnection()) {
            // statements differ by whether checks are kept: each shape is one batch
            for (boolean keep : new boolean[] {true, false}) {
                List<Integer> shape = new ArrayList<>();
                for (int i = 0; i < outcomes.size(); i++) {
                    Dispatched d = outcomes.get(i);
                    if (d.message().status().canMoveTo(d.update().status())
                            && (d.update().checkAt() == StatusUpdate.KEEP_CHECKS) == keep) {
                        shape.add(i);
                    }
                }
                if (shape.isEmpty()) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement(updateSql(keep, " AND status = ?"))) {
                    for (int from = 0; from < shape.size(); from += CHUNK) {
                        List<Integer> chunk = shape.subList(from, Math.min(shape.size(), from + CHUNK));
                        for (int i : chunk) {
                            Dispatched d = outcomes.get(i);
                            int next = bindUpdate(s, d.message().id(), d.update(), now, d.handover());
                            s.setString(next, d.message().status().name());
                            s.addBatch();
                        }
                        int[] counts = s.executeBatch();
                        for (int k = 0; k < counts.length; k++) {
                            // 0: moved on since the claim read it, and stays as it is (recorded, not applied)
                            applied[chunk.get(k)] = counts[k] != 0;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        List<Integer> all = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            all.add(i);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                INSERT_CHANGE + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            executeInBatches(s, all, (i, statement) -> {
                Dispatched d = outcomes.get(i);
                statement.setLong(1, d.message().tenantId());
                statement.setString(2, d.message().id());
                bindChange(statement, 3, d.update(), applied[i], now);
            });
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Puts claimed messages back in the outbox, still waiting, as {@link #dispatchAgainAt} puts one. */
    public void dispatchAgainAt(List<String> messageIds, OffsetDateTime due) {
        Timestamp at = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE message SET dispatch_due_at = ?, updated_at = ? WHERE id = ?")) {
            executeInBatches(s, messageIds, (id, statement) -> {
                statement.setTimestamp(1, timestamp(due));
                statement.setTimestamp(2, at);
                statement.setString(3, id);
            });
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Puts a claimed message back in the outbox, still waiting, to be queued again from this time on (the
     * claim's row lock holds until the caller's transaction ends). The dispatch sweeper counts its wait from now.
     */
    public void dispatchAgainAt(String messageId, OffsetDateTime due) {
        execute("UPDATE message SET dispatch_due_at = ?, updated_at = ? WHERE id = ?", timestamp(due),
                Timestamp.from(Instant.now()), messageId);
    }

    /** Takes a claimed message out of its dispatch group and back to the outbox, to be dispatched alone. */
    public void ungroup(String messageId, OffsetDateTime due) {
        execute("UPDATE message SET dispatch_group = NULL, dispatch_due_at = ?, updated_at = ? WHERE id = ?",
                timestamp(due), Timestamp.from(Instant.now()), messageId);
    }

    // ---- status -------------------------------------------------------------------------------------------

    private static final String INSERT_CHANGE = "INSERT INTO status_change (tenant_id, message_id, status, applied, "
            + "occurred_at, source, provider, raw_status, code, provider_message_id) ";

    /** For each status, the condition that the message is in one it may move on from (enum names only). */
    private static final Map<MessageStatus, String> PREDECESSORS = new EnumMap<>(MessageStatus.class);

    static {
        for (MessageStatus next : MessageStatus.values()) {
            if (!next.predecessors().isEmpty()) {
                PREDECESSORS.put(next, next.predecessors().stream().map(p -> "'" + p.name() + "'")
                        .collect(Collectors.joining(", ", " AND status IN (", ")")));
            }
        }
    }

    /**
     * A change to a message no one has locked (a report, a poll, the dead-letter queue): one conditional
     * update that moves it only forward, then its record, which takes the tenant from the message row. A
     * concurrent change to the same message waits for the first one's row lock, and the database checks the
     * condition again against the row that one committed.
     */
    public Applied apply(String messageId, StatusUpdate update) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            String movesForward = PREDECESSORS.get(update.status()); // null: nothing moves to it
            boolean applied = movesForward != null && update(c, messageId, movesForward, update, now, null) == 1;
            try (PreparedStatement s = c.prepareStatement(
                    INSERT_CHANGE + "SELECT tenant_id, id, ?, ?, ?, ?, ?, ?, ?, ? FROM message WHERE id = ?")) {
                bindChange(s, 1, update, applied, now);
                s.setString(9, messageId);
                if (s.executeUpdate() == 0) {
                    return Applied.UNKNOWN_MESSAGE;
                }
            }
            return applied ? Applied.APPLIED : Applied.RECORDED;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** One message's change for {@link #applyAll}. */
    public record Change(String messageId, StatusUpdate update) {
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
        try (Connection c = dataSource.getConnection()) {
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
                try (PreparedStatement s = c.prepareStatement(updateSql(keep, RANK_BELOW))) {
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
            List<Applied> results = new ArrayList<>(changes.size());
            try (PreparedStatement s = c.prepareStatement(
                    INSERT_CHANGE + "SELECT tenant_id, id, ?, ?, ?, ?, ?, ?, ?, ? FROM message WHERE id = ?")) {
                for (int i = 0; i < changes.size(); i++) {
                    bindChange(s, 1, changes.get(i).update(), applied[i], now);
                    s.setString(9, changes.get(i).messageId());
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    results.add(counts[i] == 0 ? Applied.UNKNOWN_MESSAGE : applied[i] ? Applied.APPLIED : Applied.RECORDED);
                }
            }
            return results;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Each status's rank in the order statuses move: how many statuses may move to it (MessageStatus), which
     * grows with its rank; in the condition a final status ranks above them all, since nothing leaves it.
     */
    private static final Map<MessageStatus, Integer> RANKS = new EnumMap<>(MessageStatus.class);
    /** The row's status ranks below the new one's (the parameter): the one condition {@link #applyAll} needs. */
    private static final String RANK_BELOW;

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
    private static int update(Connection c, String messageId, String condition, StatusUpdate update, Timestamp now,
            Handover handover) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(updateSql(update.checkAt() == StatusUpdate.KEEP_CHECKS, condition))) {
            bindUpdate(s, messageId, update, now, handover);
            return s.executeUpdate();
        }
    }

    private static String updateSql(boolean keepChecks, String condition) {
        return "UPDATE message SET status = ?, updated_at = ?, "
                + "provider_raw_status = COALESCE(?, provider_raw_status), provider_code = COALESCE(?, provider_code), "
                + "provider_message_id = COALESCE(?, provider_message_id), reason_code = ?, reason = ?, "
                + (keepChecks ? "" : "next_check_at = ?, ")
                + "provider = COALESCE(?, provider), provider_account_id = COALESCE(?, provider_account_id) WHERE id = ?"
                + condition;
    }

    /** Binds an update made by {@link #updateSql}; the index of the condition's first parameter. */
    private static int bindUpdate(PreparedStatement s, String messageId, StatusUpdate update, Timestamp now,
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
    private static void bindChange(PreparedStatement s, int first, StatusUpdate update, boolean applied, Timestamp now)
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

    /**
     * Our ids of the messages a provider gave this id, matched exactly as given, among one account's messages
     * where {@code accountId} is given; several where one request carried several messages. In key order, so
     * that changes to them lock rows in one order.
     */
    public List<String> idsByProviderId(ProviderCode provider, String providerMessageId, Long accountId) {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
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
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return ids;
    }

    /** Open messages (SUBMITTED, UNKNOWN) whose next check has come, the longest due first. */
    public List<DueCheck> dueChecks(OffsetDateTime now, int most) {
        List<DueCheck> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
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
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return due;
    }

    /** Counts a check that left the message open, and when to check next. */
    public void countPoll(String messageId, OffsetDateTime next) {
        execute("UPDATE message SET polls = polls + 1, next_check_at = ? WHERE id = ?", timestamp(next), messageId);
    }

    /**
     * Ends the checks of an open message whose deadline passed: its status stays, the reason says why nothing
     * more will be learned, and its history records when.
     */
    public void endChecks(String messageId, Reason reason, String source) {
        Timestamp now = Timestamp.from(Instant.now());
        // only a message still open: one a report made final since the checks read it keeps its own reason
        if (execute("UPDATE message SET next_check_at = NULL, reason_code = ?, reason = ? WHERE id = ? "
                + "AND status IN ('SUBMITTED', 'UNKNOWN')", reason.code(), reason.text(), messageId) == 0) {
            return;
        }
        execute(INSERT_CHANGE + "SELECT tenant_id, id, status, FALSE, ?, ?, NULL, NULL, ?, NULL FROM message WHERE id = ?",
                now, source, reason.code(), messageId);
    }

    // ---- reads --------------------------------------------------------------------------------------------

    private static final String VIEW_COLUMNS = "m.id, sr.client_reference, m.recipient, m.status, m.provider, "
            + "m.provider_raw_status, m.provider_code, m.provider_message_id, m.reason_code, m.reason, m.accepted_at, m.updated_at";

    /** The tenant's messages with these ids, in the given order; ids it does not have are left out. */
    public List<MessageView> byIds(long tenantId, List<String> ids) {
        String sql = "SELECT " + VIEW_COLUMNS + " FROM message m JOIN send_request sr ON sr.id = m.request_id "
                + "WHERE m.tenant_id = ? AND m.id IN (" + placeholders(ids.size()) + ")";
        Map<String, MessageView> found = views(sql, tenantId, ids);
        List<MessageView> ordered = new ArrayList<>();
        for (String id : ids) {
            if (found.containsKey(id)) {
                ordered.add(found.get(id));
            }
        }
        return ordered;
    }

    /** The tenant's messages sent by SendSms or SendBatch calls with these client references. */
    public List<MessageView> byClientReferences(long tenantId, List<String> references) {
        String sql = "SELECT " + VIEW_COLUMNS + " FROM message m JOIN send_request sr ON sr.id = m.request_id "
                + "WHERE m.tenant_id = ? AND sr.client_reference IN (" + placeholders(references.size())
                + ") ORDER BY sr.id, m.position";
        return new ArrayList<>(views(sql, tenantId, references).values());
    }

    private Map<String, MessageView> views(String sql, long tenantId, List<String> keys) {
        Map<String, MessageView> views = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, tenantId);
                for (int i = 0; i < keys.size(); i++) {
                    s.setString(i + 2, keys.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String provider = r.getString("provider");
                        ProviderReport last = provider == null || r.getString("provider_raw_status") == null ? null
                                : new ProviderReport(ProviderCode.valueOf(provider), r.getString("provider_raw_status"),
                                        r.getString("provider_code"), r.getString("provider_message_id"));
                        views.put(r.getString("id"), new MessageView(r.getString("id"), r.getString("client_reference"),
                                r.getString("recipient"), MessageStatus.valueOf(r.getString("status")), last,
                                r.getString("reason_code"), r.getString("reason"), time(r, "accepted_at"),
                                time(r, "updated_at"), new ArrayList<>()));
                    }
                }
            }
            if (!views.isEmpty()) {
                String history = "SELECT message_id, status, occurred_at, source, provider, raw_status, code, provider_message_id "
                        + "FROM status_change WHERE applied = TRUE AND message_id IN (" + placeholders(views.size())
                        + ") ORDER BY id";
                try (PreparedStatement s = c.prepareStatement(history)) {
                    int i = 1;
                    for (String id : views.keySet()) {
                        s.setString(i++, id);
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            views.get(r.getString("message_id")).history().add(event(r));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return views;
    }

    /** The tenant's status changes after the cursor, oldest first; only those already sequenced. */
    public ChangePage changes(long tenantId, long after, int max) {
        String sql = "SELECT sc.seq, sc.message_id, sr.client_reference, sc.status, sc.occurred_at, sc.source, sc.provider, "
                + "sc.raw_status, sc.code, sc.provider_message_id FROM status_change sc "
                + "JOIN message m ON m.id = sc.message_id JOIN send_request sr ON sr.id = m.request_id "
                + "WHERE sc.tenant_id = ? AND sc.seq > ? AND sc.applied = TRUE ORDER BY sc.seq FETCH FIRST ? ROWS ONLY";
        List<StatusChangeView> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, tenantId);
            s.setLong(2, after);
            s.setInt(3, max + 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    changes.add(new StatusChangeView(r.getLong("seq"), r.getString("message_id"),
                            r.getString("client_reference"), event(r)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        boolean more = changes.size() > max;
        if (more) {
            changes = changes.subList(0, max);
        }
        long last = changes.isEmpty() ? after : changes.get(changes.size() - 1).changeId();
        return new ChangePage(List.copyOf(changes), last, more);
    }

    private static StatusEvent event(ResultSet r) throws SQLException {
        String provider = r.getString("provider");
        ProviderReport report = provider == null ? null : new ProviderReport(ProviderCode.valueOf(provider),
                r.getString("raw_status"), r.getString("code"), r.getString("provider_message_id"));
        return new StatusEvent(MessageStatus.valueOf(r.getString("status")), time(r, "occurred_at"), r.getString("source"),
                report);
    }

    /** How many of one request's messages are in each status, and how many are settled. */
    public BatchCounts batchCounts(long requestId) {
        Map<MessageStatus, Integer> counts = new EnumMap<>(MessageStatus.class);
        int settled = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT status, COUNT(*) AS messages, SUM(CASE WHEN next_check_at IS NULL THEN 1 ELSE 0 END) AS unchecked "
                        + "FROM message WHERE request_id = ? GROUP BY status")) {
            s.setLong(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    MessageStatus status = MessageStatus.valueOf(r.getString("status"));
                    int messages = r.getInt("messages");
                    counts.put(status, messages);
                    if (status.isFinal()) {
                        settled += messages;
                    } else if (status == MessageStatus.SUBMITTED || status == MessageStatus.UNKNOWN) {
                        settled += r.getInt("unchecked");
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return new BatchCounts(counts, settled);
    }

    // ---- the change feed's cursor -------------------------------------------------------------------------

    /**
     * Gives up to {@code most} committed status changes their place in the feed (seq), in the order they
     * became visible; the caller's transaction holds the sequencer's row lock.
     */
    public void sequenceChanges(int most) {
        try (Connection c = dataSource.getConnection()) {
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
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Runs one statement with its parameters; answers the rows it changed. */
    private int execute(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Sets a statement's parameters for one item. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(T item, PreparedStatement statement) throws SQLException;
    }

    /** Executes the statement once per item, sent to the database 500 at a time. */
    private static <T> void executeInBatches(PreparedStatement statement, List<T> items, Binder<T> binder) throws SQLException {
        int pending = 0;
        for (T item : items) {
            binder.bind(item, statement);
            statement.addBatch();
            if (++pending == 500) {
                statement.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            statement.executeBatch();
        }
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static OffsetDateTime time(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
