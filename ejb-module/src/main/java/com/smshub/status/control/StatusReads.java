package com.smshub.status.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.provider.ProviderCode;
import com.smshub.sending.control.StoreException;
import com.smshub.status.entity.ChangePage;
import com.smshub.status.entity.MessageStatus;
import com.smshub.status.entity.MessageView;
import com.smshub.status.entity.ProviderReport;
import com.smshub.status.entity.StatusChangeView;
import com.smshub.status.entity.StatusEvent;

/** Reads messages, their histories and the status change feed, always within one tenant. */
@ApplicationScoped
public class StatusReads {

    private static final String MESSAGE_COLUMNS = "m.id, sr.client_reference, m.recipient, m.status, m.provider, "
            + "m.provider_raw_status, m.provider_code, m.provider_message_id, m.reason_code, m.reason, m.accepted_at, m.updated_at";

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** The tenant's messages with these ids, in the given order; ids it does not have are left out. */
    public List<MessageView> byIds(long tenantId, List<String> ids) {
        String sql = "SELECT " + MESSAGE_COLUMNS + " FROM message m JOIN send_request sr ON sr.id = m.request_id "
                + "WHERE m.tenant_id = ? AND m.id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
        Map<String, MessageView> found = query(sql, tenantId, ids);
        List<MessageView> ordered = new ArrayList<>();
        for (String id : ids) {
            if (found.containsKey(id)) {
                ordered.add(found.get(id));
            }
        }
        return ordered;
    }

    /** The tenant's accepted messages sent by SendSms or SendBatch calls with these client references. */
    public List<MessageView> byClientReferences(long tenantId, List<String> references) {
        String sql = "SELECT " + MESSAGE_COLUMNS + " FROM message m JOIN send_request sr ON sr.id = m.request_id "
                + "WHERE m.tenant_id = ? AND sr.client_reference IN (" + String.join(",", Collections.nCopies(references.size(), "?"))
                + ") ORDER BY sr.id, m.position";
        return new ArrayList<>(query(sql, tenantId, references).values());
    }

    private Map<String, MessageView> query(String sql, long tenantId, List<String> keys) {
        Map<String, MessageView> views = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, tenantId);
                for (int i = 0; i < keys.size(); i++) {
                    s.setString(i + 2, keys.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String provider = r.getString(5);
                        ProviderReport last = provider == null || r.getString(6) == null ? null
                                : new ProviderReport(ProviderCode.valueOf(provider), r.getString(6), r.getString(7), r.getString(8));
                        views.put(r.getString(1), new MessageView(r.getString(1), r.getString(2), r.getString(3),
                                MessageStatus.valueOf(r.getString(4)), last, r.getString(9), r.getString(10), time(r, 11),
                                time(r, 12), new ArrayList<>()));
                    }
                }
            }
            if (!views.isEmpty()) {
                String history = "SELECT message_id, status, occurred_at, source, provider, raw_status, code, provider_message_id "
                        + "FROM status_change WHERE applied = TRUE AND message_id IN ("
                        + String.join(",", Collections.nCopies(views.size(), "?")) + ") ORDER BY id";
                try (PreparedStatement s = c.prepareStatement(history)) {
                    int i = 1;
                    for (String id : views.keySet()) {
                        s.setString(i++, id);
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            views.get(r.getString(1)).history().add(event(r, 2));
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
                    changes.add(new StatusChangeView(r.getLong(1), r.getString(2), r.getString(3), event(r, 4)));
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

    /** Reads status, occurred_at, source, provider, raw_status, code, provider_message_id from {@code from} on. */
    private static StatusEvent event(ResultSet r, int from) throws SQLException {
        String provider = r.getString(from + 3);
        ProviderReport report = provider == null ? null
                : new ProviderReport(ProviderCode.valueOf(provider), r.getString(from + 4), r.getString(from + 5), r.getString(from + 6));
        return new StatusEvent(MessageStatus.valueOf(r.getString(from)), time(r, from + 1), r.getString(from + 2), report);
    }

    private static OffsetDateTime time(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
