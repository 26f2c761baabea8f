package com.smshub.dispatch.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import com.smshub.kernel.StoreException;

/**
 * Why a dispatch attempt failed, kept in a transaction of its own: the attempt's transaction rolls back so
 * that the broker redelivers, and the reason must outlive it. No foreign key to the message, whose row
 * the failing attempt still holds locked.
 */
@Stateless
@PermitAll
public class DispatchFailures {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String messageId, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO dispatch_failure (message_id, failed_at, reason) VALUES (?, ?, ?)")) {
            s.setString(1, messageId);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setString(3, reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The reason of the last failed attempt, or null. */
    public String last(String messageId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT reason FROM dispatch_failure WHERE message_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, messageId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString("reason") : null;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
