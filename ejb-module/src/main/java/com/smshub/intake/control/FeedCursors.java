package com.smshub.intake.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.StoreException;

/**
 * Each account's place in each feed it is read from ({@code provider_cursor}), in the caller's transaction:
 * taken with a row lock, so that one node at a time reads a feed, and moved in the transaction that applies
 * what was read.
 */
@ApplicationScoped
public class FeedCursors {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** The cursor, locked until the caller's transaction ends; empty when the feed was never read. */
    public Optional<String> lock(long accountId, String feed) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT position FROM provider_cursor WHERE account_id = ? AND feed = ? FOR UPDATE")) {
            s.setLong(1, accountId);
            s.setString(2, feed);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString("position")) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Starts a feed's cursor, in a transaction of its own (a concurrent start fails on the key and is as good). */
    public void start(long accountId, String feed, String position) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO provider_cursor (account_id, feed, position, updated_at) SELECT ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM provider_cursor WHERE account_id = ? AND feed = ?)")) {
            s.setLong(1, accountId);
            s.setString(2, feed);
            s.setString(3, position);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.setLong(5, accountId);
            s.setString(6, feed);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public void move(long accountId, String feed, String position) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE provider_cursor SET position = ?, updated_at = ? WHERE account_id = ? AND feed = ?")) {
            s.setString(1, position);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setLong(3, accountId);
            s.setString(4, feed);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
