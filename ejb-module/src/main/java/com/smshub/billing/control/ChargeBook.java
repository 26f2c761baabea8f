package com.smshub.billing.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.smshub.billing.entity.ChargeAnswer;
import com.smshub.billing.entity.ChargeRecord;
import com.smshub.billing.entity.ChargeState;
import com.smshub.billing.entity.LedgerTotal;
import com.smshub.kernel.Counters;
import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.StoreException;
import com.smshub.kernel.Tags;

/**
 * The ledger of charges and refunds (table {@code charge}). Each step of a charge commits on its own
 * ({@code REQUIRES_NEW}): the charge is durable before its request leaves, and its outcome as soon as it is
 * known, whatever the caller's transaction does. Moves are conditional on the state they start from, so two
 * callers, or a caller and the sweeper, never both move one charge.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ChargeBook {

    private static final String COLUMNS = "id, tenant_id, client_reference, request_hash, kind, refunds_charge_id, "
            + "message_id, msisdn, amount, currency, vat_percent, content_type, description, provider, provider_account_id, "
            + "state, provider_transaction_id, operator, reason_code, reason, created_at, processed_at, reconciled_at, reconciled_by, "
            + "requested_at, cost_centre, sub_id_1, sub_id_2";

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /**
     * Records a new charge or refund, REQUESTED. A refund first locks the charge it returns money of and
     * checks, against every refund of it not finally declined, that the money is there to return.
     *
     * @throws StoreException a duplicate when the tenant used the client reference before (a concurrent retry)
     * @throws IllegalStateException when a refund would return more than is left of its charge
     */
    public ChargeRecord begin(ChargeRecord charge) {
        try (Connection c = dataSource.getConnection()) {
            if (charge.refundsChargeId() != null) {
                checkRefundable(c, charge.refundsChargeId(), null, charge.amount());
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO charge (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                s.setString(i++, charge.id());
                s.setLong(i++, charge.tenantId());
                s.setString(i++, charge.clientReference());
                s.setString(i++, charge.requestHash());
                s.setString(i++, charge.kind());
                s.setString(i++, charge.refundsChargeId());
                s.setString(i++, charge.messageId());
                s.setString(i++, charge.msisdn());
                s.setBigDecimal(i++, charge.amount().amount());
                s.setString(i++, charge.amount().currency());
                s.setBigDecimal(i++, charge.vatPercent());
                s.setString(i++, charge.contentType());
                s.setString(i++, charge.description());
                s.setString(i++, charge.provider().name());
                s.setLong(i++, charge.accountId());
                s.setString(i++, charge.state().name());
                s.setString(i++, charge.providerTransactionId());
                s.setString(i++, charge.operator());
                s.setString(i++, charge.reasonCode());
                s.setString(i++, charge.reason());
                s.setTimestamp(i++, Timestamp.from(charge.createdAt().toInstant()));
                s.setTimestamp(i++, charge.processedAt() == null ? null : Timestamp.from(charge.processedAt().toInstant()));
                s.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
                s.setNull(i++, Types.VARCHAR);
                s.setTimestamp(i++, Timestamp.from(charge.createdAt().toInstant()));
                Tags tags = charge.tags() == null ? Tags.NONE : charge.tags();
                s.setString(i++, tags.costCentre());
                s.setString(i++, tags.subId1());
                s.setString(i, tags.subId2());
                s.executeUpdate();
            }
            return charge;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Locks the charge a refund returns money of and checks that {@code amount} is left of it beside its other
     * refunds ({@code except} one of them: the one being retried).
     */
    private static void checkRefundable(Connection c, String chargeId, String except, Money amount) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT amount FROM charge WHERE id = ? FOR UPDATE")) {
            s.setString(1, chargeId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                BigDecimal left = r.getBigDecimal(1).subtract(refunded(c, chargeId, except));
                if (amount.amount().compareTo(left) > 0) {
                    throw new IllegalStateException("Only " + left.toPlainString() + " " + amount.currency()
                            + " of charge " + chargeId + " is left to refund");
                }
            }
        }
    }

    /**
     * What of a charge has been refunded or may yet be: every refund that is not finally DECLINED. A NOT_MADE
     * refund counts too, since its caller may retry it by its reference at any time; an UNKNOWN one, since the
     * provider may have made it.
     */
    private static BigDecimal refunded(Connection c, String chargeId, String except) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(amount), 0) FROM charge WHERE refunds_charge_id = ? "
                + "AND state <> 'DECLINED' AND id <> ?")) {
            s.setString(1, chargeId);
            s.setString(2, except == null ? "" : except);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBigDecimal(1);
            }
        }
    }

    /** What of a charge is left to refund now (the refund's own check, under the charge's lock, decides). */
    public Money leftToRefund(ChargeRecord charge) {
        try (Connection c = dataSource.getConnection()) {
            return new Money(charge.amount().amount().subtract(refunded(c, charge.id(), null)), charge.amount().currency());
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Takes a charge that was certainly not made back to REQUESTED, for one caller to try again, with the
     * sweeper's clock started again; false if another caller did. A refund's bound is checked again under its
     * charge's lock, as when it was first recorded.
     *
     * @throws IllegalStateException when a refund would now return more than is left of its charge
     */
    public boolean retake(ChargeRecord charge) {
        try (Connection c = dataSource.getConnection()) {
            if (charge.refundsChargeId() != null) {
                checkRefundable(c, charge.refundsChargeId(), charge.id(), charge.amount());
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE charge SET state = 'REQUESTED', processed_at = NULL, "
                    + "requested_at = ? WHERE id = ? AND state = 'NOT_MADE'")) {
                s.setTimestamp(1, Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant()));
                s.setString(2, charge.id());
                return s.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Records the provider's answer to a charge's request: it settles a charge still REQUESTED, or one the
     * sweeper made UNKNOWN while the answer was on its way (the answer is what happened); it is journaled in
     * either case, so an answer that finds the charge reconciled otherwise is kept beside it, never dropped.
     *
     * @return whether the answer settled the charge
     */
    public boolean settle(String id, ChargeState state, String transactionId, String operator, String reasonCode, String reason) {
        Timestamp now = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
        try (Connection c = dataSource.getConnection()) {
            boolean applied;
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE charge SET state = ?, provider_transaction_id = ?, operator = ?, reason_code = ?, reason = ?, "
                            + "processed_at = ? WHERE id = ? AND (state = 'REQUESTED' OR (state = 'UNKNOWN' AND reconciled_at IS NULL))")) {
                s.setString(1, state.name());
                s.setString(2, transactionId);
                s.setString(3, operator);
                s.setString(4, reasonCode);
                s.setString(5, cut(reason));
                s.setTimestamp(6, now);
                s.setString(7, id);
                applied = s.executeUpdate() == 1;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO charge_answer (charge_id, answered_at, outcome, "
                    + "provider_transaction_id, operator, reason_code, reason, applied) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setTimestamp(2, now);
                s.setString(3, state.name());
                s.setString(4, transactionId);
                s.setString(5, operator);
                s.setString(6, reasonCode);
                s.setString(7, cut(reason));
                s.setBoolean(8, applied);
                s.executeUpdate();
            }
            return applied;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Every answer a provider gave to a charge's requests, in the order they came. */
    public List<ChargeAnswer> answers(String id) {
        List<ChargeAnswer> answers = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT answered_at, outcome, "
                + "provider_transaction_id, operator, reason_code, reason, applied FROM charge_answer WHERE charge_id = ? ORDER BY id")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    answers.add(new ChargeAnswer(time(r, "answered_at"), ChargeState.valueOf(r.getString("outcome")),
                            r.getString("provider_transaction_id"), r.getString("operator"), r.getString("reason_code"),
                            r.getString("reason"), r.getBoolean("applied")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return answers;
    }

    /**
     * Charges still REQUESTED this long after their request last left: their caller stopped (the server died)
     * between recording and settling. Their request may have left, so they become UNKNOWN.
     */
    public int expire(Duration after) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE charge SET state = 'UNKNOWN', reason_code = 'OUTCOME_UNKNOWN', reason = ?, processed_at = ? "
                        + "WHERE state = 'REQUESTED' AND requested_at < ?")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            s.setString(1, "No answer was recorded: the gateway stopped while the request may have been on its way");
            s.setTimestamp(2, Timestamp.from(now.toInstant()));
            s.setTimestamp(3, Timestamp.from(now.minus(after).toInstant()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Settles an UNKNOWN charge by what the provider's own records show (an operator's reconciliation);
     * false when it is not UNKNOWN.
     */
    public boolean reconcile(String id, ChargeState outcome, String transactionId, String operator, String by) {
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException("A charge is reconciled as APPROVED or DECLINED");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE charge SET state = ?, provider_transaction_id = COALESCE(?, provider_transaction_id), "
                        + "operator = COALESCE(?, operator), reconciled_at = ?, reconciled_by = ? WHERE id = ? AND state = 'UNKNOWN'")) {
            s.setString(1, outcome.name());
            s.setString(2, transactionId);
            s.setString(3, operator);
            s.setTimestamp(4, Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant()));
            s.setString(5, by);
            s.setString(6, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public Optional<ChargeRecord> find(String id) {
        return first("SELECT " + COLUMNS + " FROM charge WHERE id = ?", id, null);
    }

    public Optional<ChargeRecord> byReference(long tenantId, String clientReference) {
        return first("SELECT " + COLUMNS + " FROM charge WHERE client_reference = ? AND tenant_id = ?", clientReference, tenantId);
    }

    /** The ledger lines of a premium message: one once it was reported (the unique index keeps it one), else none. */
    public List<ChargeRecord> ofMessage(String messageId) {
        return list("message_id = ?", messageId, 0);
    }

    /** Charges in a state, oldest first, at most 1,000. */
    public List<ChargeRecord> inState(ChargeState state) {
        return list("state = ?", state.name(), 1000);
    }

    /** The lines meeting one condition on one value, oldest first; {@code most} 0 for all. */
    private List<ChargeRecord> list(String condition, String value, int most) {
        List<ChargeRecord> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM charge WHERE " + condition + " ORDER BY created_at, id")) {
            s.setMaxRows(most);
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(record(r));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return found;
    }

    /** The ledger's totals per tenant, day (UTC, by when the charge was recorded) and currency, from and to inclusive. */
    public List<LedgerTotal> totals(LocalDate from, LocalDate to) {
        List<LedgerTotal> totals = new ArrayList<>();
        String day = "CAST(c.created_at AT TIME ZONE 'UTC' AS DATE)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT t.username, " + day + " AS ledger_day, c.currency, "
                        + "SUM(CASE WHEN c.kind <> 'CREDIT' AND c.state = 'APPROVED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN c.kind <> 'CREDIT' AND c.state = 'APPROVED' THEN c.amount ELSE 0 END), "
                        + "SUM(CASE WHEN c.kind = 'CREDIT' AND c.state = 'APPROVED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN c.kind = 'CREDIT' AND c.state = 'APPROVED' THEN c.amount ELSE 0 END), "
                        + "SUM(CASE WHEN c.state = 'DECLINED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN c.state IN ('REQUESTED', 'UNKNOWN', 'PENDING') THEN 1 ELSE 0 END) "
                        + "FROM charge c JOIN tenant t ON t.id = c.tenant_id "
                        + "WHERE c.created_at >= ? AND c.created_at < ? "
                        + "GROUP BY t.username, " + day + ", c.currency ORDER BY 2, 1, 3")) {
            s.setTimestamp(1, Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
            s.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    totals.add(new LedgerTotal(r.getString(1), r.getDate(2).toLocalDate(), r.getString(3), r.getInt(4),
                            r.getBigDecimal(5), r.getInt(6), r.getBigDecimal(7), r.getInt(8), r.getInt(9)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return totals;
    }

    /**
     * A premium message's charge as the provider reported it (SMS Pro 7.3), in the caller's transaction: the
     * first report adds its line (amount and subscriber from the message), a later one moves it on, never back
     * from a final state. Two reports of one message arriving together (a PENDING and the final one, on two
     * threads or nodes) meet the line's unique key: the second waits for the first to commit, adds nothing
     * (ON CONFLICT DO NOTHING) and moves the line the first wrote.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void premium(String messageId, ChargeState state, String transactionId, String operator, String reasonCode,
            String reason) {
        try (Connection c = dataSource.getConnection()) {
            Timestamp now = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
            if (movePremium(c, messageId, state, transactionId, operator, reasonCode, reason, now)) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO charge (id, tenant_id, kind, message_id, msisdn, amount, "
                    + "currency, description, provider, provider_account_id, state, provider_transaction_id, operator, "
                    + "reason_code, reason, created_at, processed_at) SELECT ?, m.tenant_id, 'PREMIUM_SMS', m.id, m.recipient, "
                    + "m.premium_amount, m.premium_currency, m.premium_description, m.provider, m.provider_account_id, ?, ?, ?, "
                    + "?, ?, m.accepted_at, ? FROM message m WHERE m.id = ? AND m.premium_amount IS NOT NULL "
                    + "AND m.provider_account_id IS NOT NULL ON CONFLICT DO NOTHING")) {
                int i = 1;
                s.setString(i++, UUID.randomUUID().toString());
                s.setString(i++, state.name());
                s.setString(i++, transactionId);
                s.setString(i++, operator);
                s.setString(i++, reasonCode);
                s.setString(i++, cut(reason));
                s.setTimestamp(i++, now);
                s.setString(i, messageId);
                if (s.executeUpdate() == 1) {
                    return;
                }
            }
            // the line exists: another report of this message wrote it first (and, if it raced this one, committed
            // before ON CONFLICT let this insert go on); move it on from where that report left it
            if (hasPremiumLine(c, messageId)) {
                Counters.increment("charge.premium-line-found-by-key");
                movePremium(c, messageId, state, transactionId, operator, reasonCode, reason, now);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static boolean hasPremiumLine(Connection c, String messageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM charge WHERE message_id = ?")) {
            s.setString(1, messageId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static boolean movePremium(Connection c, String messageId, ChargeState state, String transactionId,
            String operator, String reasonCode, String reason, Timestamp now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE charge SET state = ?, provider_transaction_id = ?, "
                + "operator = COALESCE(?, operator), reason_code = ?, reason = ?, processed_at = ? "
                + "WHERE message_id = ? AND kind = 'PREMIUM_SMS' AND state = 'PENDING'")) {
            s.setString(1, state.name());
            s.setString(2, transactionId);
            s.setString(3, operator);
            s.setString(4, reasonCode);
            s.setString(5, cut(reason));
            s.setTimestamp(6, now);
            s.setString(7, messageId);
            return s.executeUpdate() > 0;
        }
    }

    private Optional<ChargeRecord> first(String sql, String key, Long tenantId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            if (tenantId != null) {
                s.setLong(2, tenantId);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(record(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static ChargeRecord record(ResultSet r) throws SQLException {
        return new ChargeRecord(r.getString("id"), r.getLong("tenant_id"), r.getString("client_reference"),
                r.getString("request_hash"), r.getString("kind"), r.getString("refunds_charge_id"), r.getString("message_id"),
                r.getString("msisdn"), new Money(r.getBigDecimal("amount"), r.getString("currency")),
                r.getBigDecimal("vat_percent"), r.getString("content_type"), r.getString("description"),
                ProviderCode.valueOf(r.getString("provider")), r.getLong("provider_account_id"),
                ChargeState.valueOf(r.getString("state")), r.getString("provider_transaction_id"), r.getString("operator"),
                r.getString("reason_code"), r.getString("reason"), time(r, "created_at"), time(r, "processed_at"),
                time(r, "reconciled_at"), r.getString("reconciled_by"),
                Tags.of(r.getString("cost_centre"), r.getString("sub_id_1"), r.getString("sub_id_2")));
    }

    private static OffsetDateTime time(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }
}
