package com.smshub.sending.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.provider.ProviderCode;
import com.smshub.sending.entity.Encoding;
import com.smshub.sending.entity.Money;
import com.smshub.sending.entity.Originator;
import com.smshub.sending.entity.RecipientOutcome;
import com.smshub.sending.entity.SendCommand;
import com.smshub.sending.entity.SmsContent;
import com.smshub.status.control.StatusLedger;
import com.smshub.status.entity.MessageStatus;

/**
 * Messages in the database, written with batched JDBC: a SendBatch of 20,000 messages is a handful of
 * round trips, not 40,000. Runs in the caller's JTA transaction (the datasource enlists itself).
 */
@ApplicationScoped
public class MessageStore {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /**
     * A message about to be stored, with its first status.
     *
     * @param dispatchGroup the id of the group it goes to the provider with, in one request; null: alone
     */
    public record NewMessage(String id, long tenantId, int position, String itemReference, String recipient,
            SmsContent content, Encoding encoding, Integer segments, MessageStatus status, String reasonCode,
            String reason, ProviderCode provider, Long accountId, Money price, OffsetDateTime dispatchDueAt,
            String dispatchGroup) {

        /** The same message, going to the provider with this group (null: alone). */
        public NewMessage inGroup(String group) {
            return new NewMessage(id, tenantId, position, itemReference, recipient, content, encoding, segments, status,
                    reasonCode, reason, provider, accountId, price, dispatchDueAt, group);
        }
    }

    /** An earlier request with the same client reference. */
    public record PriorRequest(long id, String hash, OffsetDateTime createdAt) {
    }

    /** What the dispatcher needs of one message it claimed. */
    public record Dispatchable(String id, long tenantId, String recipient, SmsContent content, MessageStatus status,
            ProviderCode provider, Long accountId) {

        /** The claimed row, as the status ledger takes it. */
        public StatusLedger.Locked locked() {
            return new StatusLedger.Locked(id, tenantId, status);
        }
    }

    public Optional<PriorRequest> findRequest(long tenantId, SendCommand.Kind kind, String clientReference) {
        String sql = "SELECT id, request_hash, created_at FROM send_request WHERE tenant_id = ? AND kind = ? AND client_reference = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, tenantId);
            s.setString(2, kind.name());
            s.setString(3, clientReference);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new PriorRequest(r.getLong(1), r.getString(2), time(r, 3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public long insertRequest(long tenantId, SendCommand command, String hash, OffsetDateTime now) {
        String sql = "INSERT INTO send_request (tenant_id, kind, client_reference, request_hash, batch_name, message_count, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
            s.setLong(1, tenantId);
            s.setString(2, command.kind().name());
            s.setString(3, command.clientReference());
            s.setString(4, hash);
            s.setString(5, command.batchName());
            s.setInt(6, command.items().size());
            s.setTimestamp(7, Timestamp.from(now.toInstant()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Stores messages and their first status change in two batched statements. */
    public void insertMessages(long requestId, List<NewMessage> messages, OffsetDateTime now, String source) {
        String sql = "INSERT INTO message (id, tenant_id, request_id, position, item_reference, recipient, originator_type, "
                + "originator, text_body, binary_hex, udh_hex, destination_port, source_port, encoding, segments, flash, "
                + "scheduled_at, validity_minutes, premium_amount, premium_currency, premium_description, cost_centre, "
                + "sub_id_1, sub_id_2, provider_preference, status, reason_code, reason, provider, provider_account_id, "
                + "price_amount, price_currency, polls, accepted_at, updated_at, dispatch_due_at, dispatch_group) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)";
        Timestamp at = Timestamp.from(now.toInstant());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            executeInBatches(s, messages, (m, statement) -> {
                SmsContent content = m.content();
                int i = 1;
                statement.setString(i++, m.id());
                statement.setLong(i++, m.tenantId());
                statement.setLong(i++, requestId);
                statement.setInt(i++, m.position());
                statement.setString(i++, m.itemReference());
                statement.setString(i++, truncate(m.recipient(), 40));
                statement.setString(i++, content.originator() == null ? null : content.originator().type().name());
                statement.setString(i++, content.originator() == null ? null : content.originator().value());
                statement.setString(i++, content.text());
                statement.setString(i++, content.binaryHex());
                statement.setString(i++, content.udhHex());
                setInt(statement, i++, content.destinationPort());
                setInt(statement, i++, content.sourcePort());
                statement.setString(i++, m.encoding() == null ? null : m.encoding().name());
                setInt(statement, i++, m.segments());
                statement.setBoolean(i++, content.flash());
                statement.setTimestamp(i++, content.scheduledAt() == null ? null : Timestamp.from(content.scheduledAt().toInstant()));
                setInt(statement, i++, content.validityMinutes());
                statement.setBigDecimal(i++, content.premium() == null ? null : content.premium().amount());
                statement.setString(i++, content.premium() == null ? null : content.premium().currency());
                statement.setString(i++, content.premiumDescription());
                statement.setString(i++, content.costCentre());
                statement.setString(i++, content.subId1());
                statement.setString(i++, content.subId2());
                statement.setString(i++, content.providerPreference() == null ? null : content.providerPreference().name());
                statement.setString(i++, m.status().name());
                statement.setString(i++, m.reasonCode());
                statement.setString(i++, truncate(m.reason(), 1000));
                statement.setString(i++, m.provider() == null ? null : m.provider().name());
                if (m.accountId() == null) {
                    statement.setNull(i++, Types.BIGINT);
                } else {
                    statement.setLong(i++, m.accountId());
                }
                statement.setBigDecimal(i++, m.price() == null ? null : m.price().amount());
                statement.setString(i++, m.price() == null ? null : m.price().currency());
                statement.setTimestamp(i++, at);
                statement.setTimestamp(i++, at);
                statement.setTimestamp(i++, m.dispatchDueAt() == null ? null : Timestamp.from(m.dispatchDueAt().toInstant()));
                statement.setString(i, m.dispatchGroup());
            });
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        insertFirstChanges(messages, at, source);
    }

    private void insertFirstChanges(List<NewMessage> messages, Timestamp at, String source) {
        String sql = "INSERT INTO status_change (tenant_id, message_id, status, applied, occurred_at, source) VALUES (?, ?, ?, TRUE, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            executeInBatches(s, messages, (m, statement) -> {
                statement.setLong(1, m.tenantId());
                statement.setString(2, m.id());
                statement.setString(3, m.status().name());
                statement.setTimestamp(4, at);
                statement.setString(5, source);
            });
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * The outcomes a request got when it was first accepted, in the caller's order: each message with the
     * status it was first given.
     */
    public List<RecipientOutcome> firstOutcomes(long requestId) {
        String sql = "SELECT m.id, m.recipient, m.reason_code, m.reason, m.encoding, m.segments, m.provider, m.price_amount, "
                + "m.price_currency, (SELECT sc.status FROM status_change sc WHERE sc.message_id = m.id ORDER BY sc.id "
                + "FETCH FIRST 1 ROWS ONLY) FROM message m WHERE m.request_id = ? ORDER BY m.position";
        List<RecipientOutcome> outcomes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    MessageStatus status = MessageStatus.valueOf(r.getString(10));
                    boolean accepted = status != MessageStatus.REJECTED;
                    BigDecimal price = r.getBigDecimal(8);
                    outcomes.add(new RecipientOutcome(r.getString(2), accepted ? r.getString(1) : null, accepted, status,
                            r.getString(3), r.getString(4), r.getString(5) == null ? null : Encoding.valueOf(r.getString(5)),
                            (Integer) r.getObject(6), r.getString(7) == null ? null : ProviderCode.valueOf(r.getString(7)),
                            price == null ? null : new Money(price, r.getString(9))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return outcomes;
    }

    static final String CLAIM = "SELECT id, tenant_id, recipient, originator_type, originator, text_body, binary_hex, "
            + "udh_hex, destination_port, source_port, flash, scheduled_at, validity_minutes, premium_amount, premium_currency, "
            + "premium_description, cost_centre, sub_id_1, sub_id_2, provider_preference, status, provider, "
            + "provider_account_id FROM message WHERE id = ? FOR UPDATE";

    /**
     * Claims one message for dispatch: empty when it is unknown or no longer waiting (another delivery of its
     * JMS message, on this node or another, already sent it). The claim locks the row until the caller's
     * transaction ends, and writes nothing: a concurrent claim waits for the lock and then reads the row the
     * first claimant committed, so only one of them finds it waiting. The row is found by its key alone and
     * its status checked here: with a status condition in the query, PostgreSQL's planner, once its
     * statistics say few messages wait, walks the waiting messages' partial index instead of the key, and
     * under load that is every queued message for each claim.
     */
    public Optional<Dispatchable> claimForDispatch(String messageId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, messageId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                MessageStatus status = MessageStatus.valueOf(r.getString(21));
                if (status != MessageStatus.QUEUED && status != MessageStatus.SCHEDULED) {
                    return Optional.empty();
                }
                Originator originator = r.getString(4) == null ? null
                        : new Originator(Originator.Type.valueOf(r.getString(4)), r.getString(5));
                BigDecimal premium = r.getBigDecimal(14);
                SmsContent content = new SmsContent(originator, r.getString(6), r.getString(7), r.getString(8),
                        (Integer) r.getObject(9), (Integer) r.getObject(10), r.getBoolean(11), time(r, 12),
                        (Integer) r.getObject(13), premium == null ? null : new Money(premium, r.getString(15)),
                        r.getString(16), r.getString(17), r.getString(18), r.getString(19),
                        r.getString(20) == null ? null : ProviderCode.valueOf(r.getString(20)));
                Object account = r.getObject(23);
                return Optional.of(new Dispatchable(r.getString(1), r.getLong(2), r.getString(3), content,
                        status, r.getString(22) == null ? null : ProviderCode.valueOf(r.getString(22)),
                        account == null ? null : ((Number) account).longValue()));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Puts a claimed message back in the outbox, still waiting, to be queued again from this time on (the
     * claim's row lock holds until the caller's transaction ends). The dispatch sweeper counts its wait from now.
     */
    public void dispatchAgainAt(String messageId, OffsetDateTime due) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE message SET dispatch_due_at = ?, updated_at = ? WHERE id = ?")) {
            s.setTimestamp(1, Timestamp.from(due.toInstant()));
            s.setTimestamp(2, Timestamp.from(java.time.Instant.now()));
            s.setString(3, messageId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Takes a claimed message out of its dispatch group and back to the outbox, to be dispatched alone. */
    public void ungroup(String messageId, OffsetDateTime due) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE message SET dispatch_group = NULL, dispatch_due_at = ?, updated_at = ? WHERE id = ?")) {
            s.setTimestamp(1, Timestamp.from(due.toInstant()));
            s.setTimestamp(2, Timestamp.from(java.time.Instant.now()));
            s.setString(3, messageId);
            s.executeUpdate();
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

    static OffsetDateTime time(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
