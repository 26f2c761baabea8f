package com.smshub.message;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.Money;
import com.smshub.kernel.StoreException;
import com.smshub.kernel.ProviderCode;

/**
 * The one place the message store's classes meet JDBC's ceremony: a piece of work on the connection of the
 * caller's transaction (within one JTA transaction every {@code getConnection()} is the same physical connection,
 * so a row lock taken by one statement holds for the next), with {@link SQLException} turned into
 * {@link StoreException} here, and the binding and reading helpers their statements share.
 */
@ApplicationScoped
public class Jdbc {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** Work on a connection that answers something. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /** Work on a connection that answers nothing. */
    @FunctionalInterface
    public interface Statements {
        void on(Connection c) throws SQLException;
    }

    public <T> T with(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public void run(Statements work) {
        with(c -> {
            work.on(c);
            return null;
        });
    }

    /** Runs one statement with its parameters; answers the rows it changed. */
    public int execute(String sql, Object... parameters) {
        return with(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                return s.executeUpdate();
            }
        });
    }

    /** Sets a statement's parameters for one item. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(T item, PreparedStatement statement) throws SQLException;
    }

    /** Executes the statement once per item, sent to the database 500 at a time. */
    static <T> void executeInBatches(PreparedStatement statement, List<T> items, Binder<T> binder) throws SQLException {
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

    static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    static OffsetDateTime time(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }

    static Timestamp timestamp(OffsetDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }

    static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    static ProviderCode providerOrNull(String name) {
        return name == null ? null : ProviderCode.valueOf(name);
    }

    static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
