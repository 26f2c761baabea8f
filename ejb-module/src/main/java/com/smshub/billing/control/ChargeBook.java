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

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.smshub.billing.entity.ChargeRecord;
import com.smshub.billing.entity.ChargeState;
import com.smshub.billing.entity.LedgerTotal;
import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.StoreException;

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
            + "state, provider_transaction_id, operator, reason_code, reason, created_at, processed_at, reconciled_at, reconciled_by";

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /**
     * Records a new charge or refund, REQUESTED. A refund first locks the charge it returns money of and
     * checks, against every refund of it not declined, that the money is there to return.
     *
     * @throws StoreException a duplicate when the tenant used the client reference before (a concurrent retry)
     * @throws IllegalStateException when a refund would return more than is left of its charge
     */
    public ChargeRecord begin(ChargeRecord charge) {
        try (Connection c = dataSource.getConnection()) {
            if (charge.refundsChargeId() != null) {
                try (PreparedStatement s = c.prepareStatement("SELECT amount FROM charge WHERE id = ? FOR UPDATE")) {
                    s.setString(1, charge.refundsChargeId());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        BigDecimal left = r.getBigDecimal(1).subtract(refunded(c, charge.refundsChargeId()));
                        if (charge.amount().amount().compareTo(left) > 0) {
                            throw new IllegalStateException("Only " + left.toPlainString() + " " + charge.amount().currency()
                                    + " of charge " + charge.refundsChargeId() + " is left to refund");
                        }
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO charge (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                s.setNull(i, Types.VARCHAR);
                s.executeUpdate();
            }
            return charge;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** What of a charge has been refunded or may be (every refund not declined and not certainly unmade). */
    private static BigDecimal refunded(Connection c, String chargeId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(amount), 0) FROM charge WHERE refunds_charge_id = ? "
                + "AND state NOT IN ('DECLINED', 'NOT_MADE')")) {
            s.setString(1, chargeId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBigDecimal(1);
            }
        }
    }

    /** What of a charge is left to refund now (the refund's own check, under the charge's lock, decides). */
    public Money leftToRefund(ChargeRecord charge) {
        try (Connection c = dataSource.getConnection()) {
            return new Money(charge.amount().amount().subtract(refunded(c, charge.id())), charge.amount().currency());
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Takes a charge that was certainly not made back to REQUESTED, for one caller to try again; false if another did. */
    public boolean retake(String id) {
        return update("UPDATE charge SET state = 'REQUESTED', processed_at = NULL WHERE id = ? AND state = 'NOT_MADE'", id) == 1;
    }

    /** Records the provider's answer to a charge's request; false when something else settled it first. */
    public boolean settle(String id, ChargeState state, String transactionId, String operator, String reasonCode, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE charge SET state = ?, provider_transaction_id = ?, operator = ?, reason_code = ?, reason = ?, "
                        + "processed_at = ? WHERE id = ? AND state = 'REQUESTED'")) {
            s.setString(1, state.name());
            s.setString(2, transactionId);
            s.setString(3, operator);
            s.setString(4, reasonCode);
            s.setString(5, cut(reason));
            s.setTimestamp(6, Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant()));
            s.setString(7, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Charges still REQUESTED this long after they were recorded: their caller stopped (the server died)
     * between recording and settling. Their request may have left, so they become UNKNOWN.
     */
    public int expire(Duration after) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE charge SET state = 'UNKNOWN', reason_code = 'OUTCOME_UNKNOWN', reason = ?, processed_at = ? "
                        + "WHERE state = 'REQUESTED' AND created_at < ?")) {
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

    /** The charge of a premium message, if it was reported. */
    public Optional<ChargeRecord> ofMessage(String messageId) {
        return first("SELECT " + COLUMNS + " FROM charge WHERE message_id = ?", messageId, null);
    }

    /** Charges in a state, oldest first, at most 1,000. */
    public List<ChargeRecord> inState(ChargeState state) {
        List<ChargeRecord> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM charge WHERE state = ? ORDER BY created_at, id")) {
            s.setMaxRows(1000);
            s.setString(1, state.name());
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
     * from a final state.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void premium(String messageId, ChargeState state, String transactionId, String operator, String reasonCode,
            String reason) {
        try (Connection c = dataSource.getConnection()) {
            Timestamp now = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant());
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
                if (s.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO charge (id, tenant_id, kind, message_id, msisdn, amount, "
                    + "currency, description, provider, provider_account_id, state, provider_transaction_id, operator, "
                    + "reason_code, reason, created_at, processed_at) SELECT ?, m.tenant_id, 'PREMIUM_SMS', m.id, m.recipient, "
                    + "m.premium_amount, m.premium_currency, m.premium_description, m.provider, m.provider_account_id, ?, ?, ?, "
                    + "?, ?, m.accepted_at, ? FROM message m WHERE m.id = ? AND m.premium_amount IS NOT NULL "
                    + "AND m.provider_account_id IS NOT NULL AND NOT EXISTS "
                    + "(SELECT 1 FROM charge x WHERE x.message_id = m.id AND x.kind = 'PREMIUM_SMS')")) {
                int i = 1;
                s.setString(i++, java.util.UUID.randomUUID().toString());
                s.setString(i++, state.name());
                s.setString(i++, transactionId);
                s.setString(i++, operator);
                s.setString(i++, reasonCode);
                s.setString(i++, cut(reason));
                s.setTimestamp(i++, now);
                s.setString(i, messageId);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
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

    private int update(String sql, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            return s.executeUpdate();
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
                time(r, "reconciled_at"), r.getString("reconciled_by"));
    }

    private static OffsetDateTime time(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }
}
