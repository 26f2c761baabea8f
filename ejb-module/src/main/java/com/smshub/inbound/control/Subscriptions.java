package com.smshub.inbound.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.StoreException;

/**
 * Subscribers with an ongoing subscription to a tenant's service (SMS Pro 12.1). Only they are told that STOP
 * ended it; anyone else who sends STOP is opted out and sent nothing.
 */
@ApplicationScoped
public class Subscriptions {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** Starts one; false when it was already ongoing. */
    public boolean start(long tenantId, String e164, String service) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO subscription (tenant_id, msisdn, service, started_at) SELECT ?, ?, ?, CURRENT_TIMESTAMP "
                        + "WHERE NOT EXISTS (SELECT 1 FROM subscription WHERE tenant_id = ? AND msisdn = ?)")) {
            s.setLong(1, tenantId);
            s.setString(2, e164);
            s.setString(3, service);
            s.setLong(4, tenantId);
            s.setString(5, e164);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Ends one; true when it was ongoing. */
    public boolean end(long tenantId, String e164) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM subscription WHERE tenant_id = ? AND msisdn = ?")) {
            s.setLong(1, tenantId);
            s.setString(2, e164);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public boolean active(long tenantId, String e164) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM subscription WHERE tenant_id = ? AND msisdn = ?")) {
            s.setLong(1, tenantId);
            s.setString(2, e164);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
