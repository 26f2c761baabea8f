package com.smshub.tenant.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.tenant.entity.TenantRef;

/**
 * Finds the tenant of an authenticated caller. Tenants change rarely, so a lookup is cached for a minute;
 * authentication itself is Elytron's, against the same table.
 */
@ApplicationScoped
public class TenantDirectory {

    private static final long TTL_NANOS = 60_000_000_000L;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    private record Cached(TenantRef tenant, long loadedAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** The enabled tenant of this user name. */
    public TenantRef byUsername(String username) {
        Cached cached = cache.get(username);
        if (cached != null && System.nanoTime() - cached.loadedAt() < TTL_NANOS) {
            return cached.tenant();
        }
        TenantRef tenant = load(username);
        cache.put(username, new Cached(tenant, System.nanoTime()));
        return tenant;
    }

    /** The user name of a tenant, enabled or not; for operators' listings. */
    public String usernameOf(long tenantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT username FROM tenant WHERE id = ?")) {
            s.setLong(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString("username") : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tenant lookup failed", e);
        }
    }

    private TenantRef load(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, default_country_code FROM tenant WHERE username = ? AND enabled = TRUE")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("No enabled tenant " + username);
                }
                return new TenantRef(r.getLong("id"), username, r.getString("default_country_code"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tenant lookup failed", e);
        }
    }
}
