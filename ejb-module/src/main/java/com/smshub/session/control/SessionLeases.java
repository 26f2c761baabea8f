package com.smshub.session.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.StoreException;
import com.smshub.provider.spi.SessionHolders;

/**
 * Which node holds an account's long-lived session: a row per account in {@code provider_session}, its holder
 * and until when. A node takes the lease when it is free or expired, and keeps it by renewing it before it
 * expires; two nodes asking at once are serialised by the row, so only one of them gets it. Each statement
 * commits on its own (callers run without a transaction: they wait on the network).
 */
@ApplicationScoped
public class SessionLeases implements SessionHolders {

    /** This node's name in the leases: unique per node (WildFly's jboss.node.name, the host name by default). */
    public static final String THIS_NODE = System.getProperty("jboss.node.name", "smshub");

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** Takes or renews the lease of an account for this node; whether this node holds it now. */
    public boolean acquire(long accountId, String node, Duration ttl) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp until = Timestamp.from(Instant.now().plus(ttl));
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO provider_session (account_id, holder, expires_at) "
                    + "SELECT ?, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM provider_session WHERE account_id = ?)")) {
                s.setLong(1, accountId);
                s.setLong(2, accountId);
                s.executeUpdate();
            } catch (SQLException e) {
                if (!new StoreException(e).isDuplicate()) {
                    throw e; // a concurrent insert of the same row is as good as ours
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE provider_session SET holder = ?, expires_at = ? "
                    + "WHERE account_id = ? AND (holder = ? OR holder IS NULL OR expires_at < ?)")) {
                s.setString(1, node);
                s.setTimestamp(2, until);
                s.setLong(3, accountId);
                s.setString(4, node);
                s.setTimestamp(5, now);
                return s.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Gives up this node's lease of the account, so that another node may take it at once. */
    public void release(long accountId, String node) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE provider_session SET holder = NULL, expires_at = NULL WHERE account_id = ? AND holder = ?")) {
            s.setLong(1, accountId);
            s.setString(2, node);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public Optional<String> elsewhere(long accountId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT holder FROM provider_session WHERE account_id = ? AND holder IS NOT NULL AND holder <> ? AND expires_at > ?")) {
            s.setLong(1, accountId);
            s.setString(2, THIS_NODE);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
