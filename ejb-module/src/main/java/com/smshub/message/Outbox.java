package com.smshub.message;

import static com.smshub.message.Jdbc.enumOrNull;
import static com.smshub.message.Jdbc.providerOrNull;
import static com.smshub.message.Jdbc.executeInBatches;
import static com.smshub.message.Jdbc.money;
import static com.smshub.message.Jdbc.placeholders;
import static com.smshub.message.Jdbc.setInt;
import static com.smshub.message.Jdbc.setLong;
import static com.smshub.message.Jdbc.time;
import static com.smshub.message.Jdbc.timestamp;
import static com.smshub.message.Jdbc.truncate;
import static com.smshub.message.StatusRows.INSERT_CHANGE;
import static com.smshub.message.StatusRows.bindChange;
import static com.smshub.message.StatusRows.bindUpdate;
import static com.smshub.message.StatusRows.update;
import static com.smshub.message.StatusRows.updateSql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Databases;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.SmsContent;

/**
 * The outbox and its claims: messages stored at acceptance with their first status, taken out of the outbox when
 * due (or found stale) for the dispatch queue, claimed by key with a row lock for a dispatch, their outcome
 * recorded (which closes the attempt, Attempts), or put back to wait. Plain JDBC (docs/persistence.md): a SendBatch
 * of 20,000 messages is a handful of batched round trips, and dispatch, the hot path, never reads a row twice. Runs
 * in the caller's JTA transaction.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Jdbc jdbc;

    @Inject
    Attempts attempts;

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
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_MESSAGE)) {
                executeInBatches(s, messages, (m, statement) -> bindNew(statement, requestId, m, at));
            }
        });
        String history = "INSERT INTO status_change (tenant_id, message_id, status, applied, occurred_at, source) "
                + "VALUES (?, ?, ?, TRUE, ?, ?)";
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(history)) {
                executeInBatches(s, messages, (m, statement) -> {
                    statement.setLong(1, m.addressee().tenantId());
                    statement.setString(2, m.id());
                    statement.setString(3, m.status().name());
                    statement.setTimestamp(4, at);
                    statement.setString(5, source);
                });
            }
        });
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

    /** The messages due for the dispatch queue, oldest first, by the outbox index. */
    static String due(int most) {
        return "SELECT id, dispatch_group FROM message WHERE dispatch_due_at <= ? ORDER BY dispatch_due_at "
                + "FETCH FIRST " + most + " ROWS ONLY";
    }

    /** How many messages wait in the outbox with their time come, counted up to {@code most} (by the outbox index). */
    public long waiting(Instant now, int most) {
        return jdbc.with(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM (" + due(most) + ") due")) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /**
     * Takes up to {@code most} messages out of the outbox (their due time has come) and returns them as
     * dispatches: a message alone, or the messages of a dispatch group together. The caller queues them in
     * the same transaction, so a message is queued exactly once. Their {@code updated_at} becomes the time they
     * were queued, from which the sweeper counts their wait.
     */
    public List<Dispatch> takeDue(int most, Instant now) {
        List<String> due = new ArrayList<>();
        List<Dispatch> dispatches = new ArrayList<>();
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(due(most))) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet r = s.executeQuery()) {
                    dispatches.addAll(dispatches(r, due));
                }
            }
            if (due.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE message SET dispatch_due_at = NULL, updated_at = ? WHERE id = ?")) {
                Timestamp queued = Timestamp.from(now);
                for (String id : due) {
                    s.setTimestamp(1, queued);
                    s.setString(2, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
        return dispatches;
    }

    /** Rows of {@code id} and {@code dispatch_group} as dispatches (a group's messages together); their ids into {@code ids}. */
    private static List<Dispatch> dispatches(ResultSet r, List<String> ids) throws SQLException {
        List<Dispatch> dispatches = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        while (r.next()) {
            String id = r.getString("id");
            String group = r.getString("dispatch_group");
            ids.add(id);
            if (group == null) {
                dispatches.add(new Dispatch(List.of(id)));
            } else {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
            }
        }
        groups.values().forEach(members -> dispatches.add(new Dispatch(members)));
        return dispatches;
    }

    /**
     * Messages still waiting for dispatch long after they were queued (QUEUED, or SCHEDULED and due, handed to the
     * dispatch queue and not touched for {@code stale}, and with no attempt under way: an interrupted one is
     * AmbiguousAttempts' to resolve): their wait counts from now again, and the caller queues them again, a dispatch
     * group's messages together as the relay queued them. A message still in the outbox is the relay's, however
     * long it has waited: it has not been queued yet, so nothing of it can have been lost.
     */
    public List<Dispatch> takeStale(Duration stale, int most) {
        Timestamp before = Timestamp.from(Instant.now().minus(stale));
        List<String> ids = new ArrayList<>();
        List<Dispatch> dispatches = new ArrayList<>();
        Set<String> stamped = new HashSet<>();
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, dispatch_group FROM message WHERE updated_at < ? AND (status = 'QUEUED' "
                    + "OR (status = 'SCHEDULED' AND scheduled_at < ?)) AND attempt_started_at IS NULL AND dispatch_due_at IS NULL "
                    + "ORDER BY updated_at FETCH FIRST " + most + " ROWS ONLY")) {
                s.setTimestamp(1, before);
                s.setTimestamp(2, before);
                try (ResultSet r = s.executeQuery()) {
                    dispatches.addAll(dispatches(r, ids));
                }
            }
            if (!ids.isEmpty()) {
                // the select took no locks: a dispatcher may have claimed a message since. The stamp asks again
                // once the row's lock is its own, so it neither queues such a message again nor holds its row,
                // whose outcome the dispatcher is about to record, until this sweep commits
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement s = c.prepareStatement("UPDATE message SET updated_at = ? WHERE id = ? "
                        + "AND attempt_started_at IS NULL AND dispatch_due_at IS NULL AND status IN ('QUEUED', 'SCHEDULED')")) {
                    for (String id : ids) {
                        s.setTimestamp(1, now);
                        s.setString(2, id);
                        s.addBatch();
                    }
                    int[] counts = s.executeBatch();
                    for (int i = 0; i < ids.size(); i++) {
                        if (counts[i] != 0) {
                            stamped.add(ids.get(i));
                        }
                    }
                }
            }
        });
        if (stamped.size() == ids.size()) {
            return dispatches;
        }
        List<Dispatch> still = new ArrayList<>();
        for (Dispatch dispatch : dispatches) {
            List<String> waiting = dispatch.messageIds().stream().filter(stamped::contains).toList();
            if (!waiting.isEmpty()) {
                still.add(new Dispatch(waiting));
            }
        }
        return still;
    }

    static final String CLAIM = "SELECT id, tenant_id, recipient, originator_type, originator, text_body, binary_hex, "
            + "udh_hex, destination_port, source_port, flash, scheduled_at, validity_minutes, premium_amount, premium_currency, "
            + "premium_description, cost_centre, sub_id_1, sub_id_2, provider_preference, status, provider_account_id, "
            + "attempts, attempt_started_at FROM message WHERE id = ? FOR UPDATE";

    /**
     * Claims one message for dispatch: empty when it is unknown or no longer waiting (another delivery of its
     * JMS message, on this node or another, already sent it, or an attempt is under way). The claim locks the
     * row until the caller's transaction ends, in which the caller opens its attempt (Attempts): a concurrent
     * claim waits for the lock and then reads the row the first claimant committed, so only one of them finds it
     * waiting. The row is found by its key alone and its status checked here: with a status condition in the
     * query, PostgreSQL's planner, once its statistics say few messages wait, walks the waiting messages' partial
     * index instead of the key, and under load that is every queued message for each claim.
     */
    public Optional<ClaimedMessage> claim(String messageId) {
        return jdbc.with(c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setString(1, messageId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(waiting(r)) : Optional.empty();
                }
            }
        });
    }

    /** The claimed row as dispatch needs it, or null when it is not waiting for dispatch. */
    private static ClaimedMessage waiting(ResultSet r) throws SQLException {
        MessageStatus status = MessageStatus.valueOf(r.getString("status"));
        if (status != MessageStatus.QUEUED && status != MessageStatus.SCHEDULED || r.getTimestamp("attempt_started_at") != null) {
            return null;
        }
        return claimed(r, status, r.getInt("attempts"));
    }

    private static ClaimedMessage claimed(ResultSet r, MessageStatus status, int attemptsBefore) throws SQLException {
        Object account = r.getObject("provider_account_id");
        return new ClaimedMessage(r.getString("id"), r.getLong("tenant_id"), new Msisdn(r.getString("recipient")), content(r),
                status, account == null ? null : ((Number) account).longValue(), attemptsBefore);
    }

    /**
     * PostgreSQL's claim that opens the attempt in the same statement, to the account chosen at acceptance: the
     * row is locked by the update, and a concurrent claim waits for it and then finds the attempt open (PostgreSQL
     * checks the condition again on the row the first claimant committed). The status is tested through
     * COALESCE so that the planner cannot take the waiting messages' partial index for the key (see {@link #claim}).
     */
    static final String CLAIM_OPENING = "UPDATE message SET attempts = attempts + 1, attempt_started_at = ?, "
            + "attempt_account_id = provider_account_id, attempt_owner = ? WHERE id = ? AND COALESCE(status, '') IN "
            + "('QUEUED', 'SCHEDULED') AND attempt_started_at IS NULL RETURNING " + CLAIM.substring("SELECT ".length(),
                    CLAIM.indexOf(" FROM message"));

    /**
     * Claims one message and opens its next attempt, to the account chosen at acceptance (Attempts#reroute moves
     * it), as {@link #claim} and Attempts#open do, in one statement on PostgreSQL (a message's dispatch is then
     * one round trip fewer) and in those two elsewhere. Empty when the message is not waiting for dispatch.
     */
    public Optional<ClaimedMessage> claimOpening(String messageId, String owner, Instant now) {
        return jdbc.with(c -> {
            if (!Databases.isPostgreSql(c)) {
                Optional<ClaimedMessage> claimed = claim(messageId);
                claimed.ifPresent(m -> attempts.open(List.of(m), m.accountId(), owner, now));
                return claimed;
            }
            try (PreparedStatement s = c.prepareStatement(CLAIM_OPENING)) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setString(2, owner);
                s.setString(3, messageId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(claimed(r, MessageStatus.valueOf(r.getString("status")), r.getInt("attempts") - 1))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Claims the messages of a dispatch group, as {@link #claim} claims one: those still waiting, in the order
     * of their ids (two claims of overlapping groups lock rows in one order), 500 to a statement.
     */
    public List<ClaimedMessage> claimAll(List<String> messageIds) {
        List<String> sorted = messageIds.stream().sorted().distinct().toList();
        List<ClaimedMessage> claimed = new ArrayList<>(sorted.size());
        jdbc.run(c -> {
            for (int from = 0; from < sorted.size(); from += CHUNK) {
                List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
                try (PreparedStatement s = c.prepareStatement(CLAIM.replace("WHERE id = ?", "WHERE id IN ("
                        + placeholders(chunk.size()) + ") ORDER BY id"))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            ClaimedMessage message = waiting(r);
                            if (message != null) {
                                claimed.add(message);
                            }
                        }
                    }
                }
            }
        });
        return claimed;
    }

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
                .providerPreference(providerOrNull(r.getString("provider_preference")))
                .build();
    }

    /**
     * Dispatch's outcome for a message it claimed: the account it went to, its new status and when to ask the
     * provider about it, in one update of the row that also closes its attempt (dispatch is the hot path: the
     * claim already read the row, so it is not read again), and its record. A null handover: no account took it.
     * Should the row have moved on since the claim read it (a report came before the provider's answer was
     * recorded), the status it has stays, and the account, the provider's id and the next check are still
     * recorded.
     *
     * @return whether the status moved
     */
    public boolean dispatched(ClaimedMessage message, Handover handover, StatusUpdate update) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.with(c -> {
            // the row is as the claim read it, unless it was not locked since: then the status it has decides
            boolean applied = message.status().canMoveTo(update.status())
                    && update(c, message.id(), " AND status = '" + message.status().name() + "'", update, now, handover, true) == 1;
            if (!applied) {
                try (PreparedStatement s = c.prepareStatement(LEARN_HANDOVER)) {
                    bindLearnHandover(s, message.id(), handover, update);
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
        });
    }

    /**
     * An outcome whose status did not apply: a report came before the provider's answer was recorded, and its
     * status stays; the account, the provider's id and when to ask are still learned, should the final report
     * never come, and the attempt is closed.
     */
    private static final String LEARN_HANDOVER = "UPDATE message SET provider = COALESCE(?, provider), "
            + "provider_account_id = COALESCE(?, provider_account_id), attempt_started_at = NULL, attempt_owner = NULL, "
            + "provider_message_id = COALESCE(provider_message_id, ?), next_check_at = CASE WHEN "
            + "status IN ('SUBMITTED', 'UNKNOWN') AND next_check_at IS NULL THEN ? ELSE next_check_at END WHERE id = ?";

    private static void bindLearnHandover(PreparedStatement s, String messageId, Handover handover, StatusUpdate update)
            throws SQLException {
        s.setString(1, handover == null ? null : handover.provider().name());
        setLong(s, 2, handover == null ? null : handover.accountId());
        s.setString(3, handover == null || update.report() == null ? null : update.report().providerMessageId());
        s.setTimestamp(4, handover == null || update.checkAt() == StatusUpdate.KEEP_CHECKS ? null : timestamp(update.checkAt()));
        s.setString(5, messageId);
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
        jdbc.run(c -> {
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
                try (PreparedStatement s = c.prepareStatement(updateSql(keep, " AND status = ?", true))) {
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
            List<Integer> stayed = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if (!applied[i]) {
                    stayed.add(i);
                }
            }
            if (!stayed.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(LEARN_HANDOVER)) {
                    executeInBatches(s, stayed, (i, statement) -> {
                        Dispatched d = outcomes.get(i);
                        bindLearnHandover(statement, d.message().id(), d.handover(), d.update());
                    });
                }
            }
        });
        List<Integer> all = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            all.add(i);
        }
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                INSERT_CHANGE + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                executeInBatches(s, all, (i, statement) -> {
                    Dispatched d = outcomes.get(i);
                    statement.setLong(1, d.message().tenantId());
                    statement.setString(2, d.message().id());
                    bindChange(statement, 3, d.update(), applied[i], now);
                });
            }
        });
    }

    /** Puts claimed messages back in the outbox, still waiting, as {@link #dispatchAgainAt} puts one. */
    public void dispatchAgainAt(List<String> messageIds, OffsetDateTime due) {
        Timestamp at = Timestamp.from(Instant.now());
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "UPDATE message SET dispatch_due_at = ?, updated_at = ?, attempt_started_at = NULL, attempt_owner = NULL "
                        + "WHERE id = ?")) {
                executeInBatches(s, messageIds, (id, statement) -> {
                    statement.setTimestamp(1, timestamp(due));
                    statement.setTimestamp(2, at);
                    statement.setString(3, id);
                });
            }
        });
    }

    /**
     * Puts a claimed message back in the outbox, still waiting, to be queued again from this time on (the
     * claim's row lock holds until the caller's transaction ends). The dispatch sweeper counts its wait from now.
     */
    public void dispatchAgainAt(String messageId, OffsetDateTime due) {
        jdbc.execute("UPDATE message SET dispatch_due_at = ?, updated_at = ?, attempt_started_at = NULL, attempt_owner = NULL "
                + "WHERE id = ?", timestamp(due), Timestamp.from(Instant.now()), messageId);
    }

    /** Takes a claimed message out of its dispatch group and back to the outbox, to be dispatched alone. */
    public void ungroup(String messageId, OffsetDateTime due) {
        jdbc.execute("UPDATE message SET dispatch_group = NULL, dispatch_due_at = ?, updated_at = ?, attempt_started_at = NULL, "
                + "attempt_owner = NULL WHERE id = ?", timestamp(due), Timestamp.from(Instant.now()), messageId);
    }

    /** What an operator's request to send a FAILED message again came to. */
    public enum Requeued { REQUEUED, NOT_FAILED, UNKNOWN }

    /**
     * A FAILED message back in the outbox, due now, as a new attempt of the same message (its id, text and account
     * kept; the reason, the provider's id of the failed attempt and its dispatch group cleared), with a QUEUED change
     * in its history by {@code source}. Only FAILED: a message REJECTED, EXPIRED or UNRESOLVED is not sent again.
     */
    public Requeued requeueFailed(String messageId, String source) {
        Timestamp now = Timestamp.from(Instant.now());
        int moved = jdbc.execute("UPDATE message SET status = 'QUEUED', updated_at = ?, reason_code = NULL, reason = NULL, "
                + "provider_message_id = NULL, dispatch_group = NULL, dispatch_due_at = ?, attempt_started_at = NULL, "
                + "attempt_owner = NULL, next_check_at = NULL WHERE id = ? AND status = 'FAILED'", now, now, messageId);
        if (moved == 0) {
            return jdbc.with(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM message WHERE id = ?")) {
                    s.setString(1, messageId);
                    try (ResultSet r = s.executeQuery()) {
                        return r.next() ? Requeued.NOT_FAILED : Requeued.UNKNOWN;
                    }
                }
            });
        }
        jdbc.execute(INSERT_CHANGE + "SELECT tenant_id, id, 'QUEUED', TRUE, ?, ?, NULL, NULL, NULL, NULL FROM message WHERE id = ?",
                now, source, messageId);
        return Requeued.REQUEUED;
    }

    private static final int CHUNK = 500;
}
