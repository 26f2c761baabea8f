package com.smshub.audit.control;

import java.security.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import com.smshub.audit.entity.AuditEntry;
import com.smshub.kernel.StoreException;

/**
 * The audit table: written in the caller's transaction, read newest first. Each feature records its own writes with
 * the state before and after ({@link #changed}), as JSON of its own views, which never hold a secret. The admin API
 * records, after the fact, a write that recorded nothing ({@link #written()} tells it), so that no write goes
 * unrecorded, even one added later without its own row.
 */
@ApplicationScoped
public class AuditLog {

    /** Rows this thread recorded: an admin request is served on one thread, its EJB calls included. */
    private static final ThreadLocal<int[]> WRITTEN = ThreadLocal.withInitial(() -> new int[1]);

    @Inject
    Principal caller;

    /** The widths of the table's columns: a longer state is cut, never refused. */
    static final int MOST_STATE = 4000;
    static final int MOST_SUBJECT = 300;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** Records a change the calling operator made: the states before and after as JSON (null where none). */
    public void changed(String action, String subject, Object before, Object after) {
        record(caller.getName(), action, subject, json(before), json(after));
    }

    /** How many rows this thread has recorded so far. */
    public static int written() {
        return WRITTEN.get()[0];
    }

    static String json(Object state) {
        return state == null ? null : state instanceof String text ? text : Json.WRITER.toJson(state);
    }

    /** Made when first needed (the container's JSON-B). */
    private static final class Json {
        static final Jsonb WRITER = JsonbBuilder.create();
    }

    public void record(String operator, String action, String subject, String before, String after) {
        WRITTEN.get()[0]++;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_entry (operator, action, subject, before_state, after_state) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, operator);
            s.setString(2, action);
            s.setString(3, cut(subject, MOST_SUBJECT));
            s.setString(4, cut(before, MOST_STATE));
            s.setString(5, cut(after, MOST_STATE));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The latest entries, newest first; of one subject (its beginning) when given. */
    public List<AuditEntry> recent(String subjectPrefix, int most) {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, at, operator, action, subject, before_state, after_state FROM audit_entry"
                        + (subjectPrefix == null ? "" : " WHERE subject LIKE ?") + " ORDER BY id DESC FETCH FIRST " + most + " ROWS ONLY")) {
            if (subjectPrefix != null) {
                s.setString(1, subjectPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new AuditEntry(r.getLong(1), r.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC),
                            r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return entries;
    }

    private static String cut(String value, int most) {
        return value == null || value.length() <= most ? value : value.substring(0, most);
    }
}
