package com.smshub.inbound.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.Configuration;
import com.smshub.kernel.StoreException;

/**
 * The cap on automatic answers (TEST, INFO, a STOP's confirmation): at most so many an hour from one tenant to
 * one number ({@code tenant.auto_replies_per_hour}, else {@code smshub.inbound.auto-replies-per-hour}, 5), so
 * that no stream of keywords, however it got in, makes a tenant pay for messages to a number (SMS pumping). Each
 * answer sent is a row of {@code auto_reply}, kept a day. Runs in the transaction that stored the keyword.
 */
@ApplicationScoped
public class AutoReplies {

    static final int DEFAULT_PER_HOUR = Configuration.integer("smshub.inbound.auto-replies-per-hour", 5);

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /**
     * Takes one of the number's automatic answers of this hour, if one is left.
     *
     * @param perHour the tenant's cap, or null for the default
     * @return false when the number has had its answers for this hour
     */
    public boolean take(long tenantId, String msisdn, Integer perHour) {
        int cap = perHour == null ? DEFAULT_PER_HOUR : perHour;
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM auto_reply WHERE tenant_id = ? AND msisdn = ? AND sent_at < ?")) {
                s.setLong(1, tenantId);
                s.setString(2, msisdn);
                s.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(1))));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM auto_reply WHERE tenant_id = ? AND msisdn = ? AND sent_at >= ?")) {
                s.setLong(1, tenantId);
                s.setString(2, msisdn);
                s.setTimestamp(3, Timestamp.from(now.minus(Duration.ofHours(1))));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= cap) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO auto_reply (tenant_id, msisdn, sent_at) VALUES (?, ?, ?)")) {
                s.setLong(1, tenantId);
                s.setString(2, msisdn);
                s.setTimestamp(3, Timestamp.from(now));
                s.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
