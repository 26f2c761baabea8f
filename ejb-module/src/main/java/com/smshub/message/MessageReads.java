package com.smshub.message;

import static com.smshub.message.Jdbc.enumOrNull;
import static com.smshub.message.Jdbc.providerOrNull;
import static com.smshub.message.Jdbc.money;
import static com.smshub.message.Jdbc.placeholders;
import static com.smshub.message.Jdbc.time;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Encoding;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.Reason;
import com.smshub.message.entity.FoundMessage;
import com.smshub.message.entity.MessageCriteria;
import com.smshub.message.entity.MessageView;
import com.smshub.message.entity.StatusChangeView;
import com.smshub.message.entity.StatusEvent;
import com.smshub.message.entity.ChangePage;
import com.smshub.message.entity.RecipientOutcome;

/**
 * What tenants read of their messages: the outcomes a request got at acceptance, messages by id or client
 * reference with their history, the status change feed, a batch's counts; and what operators look for across
 * tenants. Runs in the caller's transaction.
 */
@ApplicationScoped
public class MessageReads {

    @Inject
    Jdbc jdbc;

    /**
     * The outcomes a request got when it was first accepted, in the caller's order: each message with the
     * status it was first given.
     */
    public List<RecipientOutcome> firstOutcomes(long requestId) {
        String sql = "SELECT m.id, m.recipient, m.reason_code, m.reason, m.encoding, m.segments, m.provider, m.price_amount, "
                + "m.price_currency, (SELECT sc.status FROM status_change sc WHERE sc.message_id = m.id ORDER BY sc.id "
                + "FETCH FIRST 1 ROWS ONLY) AS first_status FROM message m WHERE m.request_id = ? ORDER BY m.position";
        List<RecipientOutcome> outcomes = new ArrayList<>();
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, requestId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        MessageStatus status = MessageStatus.valueOf(r.getString("first_status"));
                        boolean accepted = status != MessageStatus.REJECTED;
                        String reasonCode = r.getString("reason_code");
                        outcomes.add(new RecipientOutcome(r.getString("recipient"), accepted ? r.getString("id") : null, accepted,
                                status, reasonCode == null ? null : new Reason(reasonCode, r.getString("reason")),
                                enumOrNull(Encoding.class, r.getString("encoding")), (Integer) r.getObject("segments"),
                                providerOrNull(r.getString("provider")),
                                money(r.getBigDecimal("price_amount"), r.getString("price_currency"))));
                    }
                }
            }
        });
        return outcomes;
    }

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
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, tenantId);
                for (int i = 0; i < keys.size(); i++) {
                    s.setString(i + 2, keys.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        views.put(r.getString("id"), view(r));
                    }
                }
            }
            history(c, views);
        });
        return views;
    }

    /** Fills each view's history, oldest first. */
    private static void history(Connection c, Map<String, MessageView> views) throws SQLException {
        if (views.isEmpty()) {
            return;
        }
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

    private static MessageView view(ResultSet r) throws SQLException {
        String provider = r.getString("provider");
        ProviderReport last = provider == null || r.getString("provider_raw_status") == null ? null
                : new ProviderReport(ProviderCode.valueOf(provider), r.getString("provider_raw_status"),
                        r.getString("provider_code"), r.getString("provider_message_id"));
        return new MessageView(r.getString("id"), r.getString("client_reference"), r.getString("recipient"),
                MessageStatus.valueOf(r.getString("status")), last, r.getString("reason_code"), r.getString("reason"),
                time(r, "accepted_at"), time(r, "updated_at"), new ArrayList<>());
    }

    /**
     * Messages of any tenant as an operator looks for them, newest first, at most {@code limit}; with their history
     * when {@code withHistory}. A search by id or by a tenant's client reference reads by index; by number or
     * status alone it reads the table (operators' searches are rare; no index slows every acceptance for them).
     */
    public List<FoundMessage> search(MessageCriteria criteria, int limit, boolean withHistory) {
        StringBuilder sql = new StringBuilder("SELECT " + VIEW_COLUMNS + ", t.username, pa.name AS account FROM message m "
                + "JOIN send_request sr ON sr.id = m.request_id JOIN tenant t ON t.id = m.tenant_id "
                + "LEFT JOIN provider_account pa ON pa.id = m.provider_account_id WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        narrow(sql, values, "m.id", criteria.messageId());
        narrow(sql, values, "sr.client_reference", criteria.clientReference());
        narrow(sql, values, "t.username", criteria.tenant());
        narrow(sql, values, "m.recipient", criteria.recipient());
        narrow(sql, values, "m.status", criteria.status() == null ? null : criteria.status().name());
        sql.append(" ORDER BY m.accepted_at DESC, m.id FETCH FIRST ? ROWS ONLY");
        Map<String, MessageView> views = new LinkedHashMap<>();
        Map<String, String[]> owners = new LinkedHashMap<>();
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                for (String value : values) {
                    s.setString(i++, value);
                }
                s.setInt(i, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        MessageView view = view(r);
                        views.put(view.messageId(), view);
                        owners.put(view.messageId(), new String[] {r.getString("username"), r.getString("account")});
                    }
                }
            }
            if (withHistory) {
                history(c, views);
            }
        });
        List<FoundMessage> found = new ArrayList<>();
        views.forEach((id, view) -> found.add(new FoundMessage(owners.get(id)[0], owners.get(id)[1], view)));
        return found;
    }

    private static void narrow(StringBuilder sql, List<String> values, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            values.add(value.strip());
        }
    }

    /** The tenant's status changes after the cursor, oldest first; only those already sequenced. */
    public ChangePage changes(long tenantId, long after, int max) {
        String sql = "SELECT sc.seq, sc.message_id, sr.client_reference, sc.status, sc.occurred_at, sc.source, sc.provider, "
                + "sc.raw_status, sc.code, sc.provider_message_id FROM status_change sc "
                + "JOIN message m ON m.id = sc.message_id JOIN send_request sr ON sr.id = m.request_id "
                + "WHERE sc.tenant_id = ? AND sc.seq > ? AND sc.applied = TRUE ORDER BY sc.seq FETCH FIRST ? ROWS ONLY";
        List<StatusChangeView> changes = new ArrayList<>();
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, tenantId);
                s.setLong(2, after);
                s.setInt(3, max + 1);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        changes.add(new StatusChangeView(r.getLong("seq"), r.getString("message_id"),
                                r.getString("client_reference"), event(r)));
                    }
                }
            }
        });
        boolean more = changes.size() > max;
        List<StatusChangeView> page = more ? changes.subList(0, max) : changes;
        long last = page.isEmpty() ? after : page.get(page.size() - 1).changeId();
        return new ChangePage(List.copyOf(page), last, more);
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
        int[] settled = {0};
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "SELECT status, COUNT(*) AS messages, SUM(CASE WHEN next_check_at IS NULL THEN 1 ELSE 0 END) AS unchecked "
                        + "FROM message WHERE request_id = ? GROUP BY status")) {
                s.setLong(1, requestId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        MessageStatus status = MessageStatus.valueOf(r.getString("status"));
                        int messages = r.getInt("messages");
                        counts.put(status, messages);
                        if (status.isFinal()) {
                            settled[0] += messages;
                        } else if (status == MessageStatus.SUBMITTED || status == MessageStatus.UNKNOWN) {
                            settled[0] += r.getInt("unchecked");
                        }
                    }
                }
            }
        });
        return new BatchCounts(counts, settled[0]);
    }
}
