package com.smshub.tenant.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.Msisdn;
import com.smshub.tenant.entity.TenantDisabledException;
import com.smshub.tenant.entity.TenantProfile;
import com.smshub.tenant.entity.TenantView;
import com.smshub.tenant.entity.TenantRef;

/**
 * Finds the tenant of an authenticated caller, and keeps the tenant table for operators. A lookup is kept for a
 * second: authentication is Elytron's, against the same table, and its cache may let a disabled tenant in for a
 * minute more, so this is where a disabled tenant is stopped, on every node within a second of the change.
 */
@ApplicationScoped
public class TenantDirectory {

    private static final long TTL_NANOS = 1_000_000_000L;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    private record Cached(TenantRef tenant, long loadedAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * The enabled tenant of this user name.
     *
     * @throws TenantDisabledException when the user is no enabled tenant now
     */
    public TenantRef byUsername(String username) {
        Cached cached = cache.get(username);
        if (cached != null && System.nanoTime() - cached.loadedAt() < TTL_NANOS) {
            return cached.tenant();
        }
        TenantRef tenant = load(username);
        cache.put(username, new Cached(tenant, System.nanoTime()));
        return tenant;
    }

    /** Tenants and operators, by user name. */
    public List<TenantView> views() {
        return views("", null);
    }

    public Optional<TenantView> view(String username) {
        return views(" WHERE username = ?", username).stream().findFirst();
    }

    private List<TenantView> views(String where, String username) {
        List<TenantView> views = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT username, display_name, role, enabled, default_region, created_at FROM tenant" + where + " ORDER BY username")) {
            if (username != null) {
                s.setString(1, username);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    views.add(new TenantView(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4), r.getString(5),
                            r.getTimestamp(6).toInstant().atOffset(ZoneOffset.UTC)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tenant lookup failed", e);
        }
        return views;
    }

    /** Whether this user is enabled in this role now, read from the table. */
    public boolean enabled(String username, String role) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM tenant WHERE username = ? AND enabled = TRUE AND role = ?")) {
            s.setString(1, username);
            s.setString(2, role);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tenant lookup failed", e);
        }
    }

    public void createTenant(String username, String displayName, Credentials.Digest digest, String region, boolean enabled) {
        write("INSERT INTO tenant (username, display_name, password_hash, password_salt, role, default_region, enabled) "
                + "VALUES (?, ?, ?, ?, 'tenant', ?, ?)", username, displayName, digest.hash(), digest.salt(), region, enabled);
    }

    public void createOperator(String username, String displayName, String bcrypt, boolean enabled) {
        write("INSERT INTO tenant (username, display_name, password_crypt, role, enabled) VALUES (?, ?, ?, 'operator', ?)",
                username, displayName, bcrypt, enabled);
    }

    /** Sets what is given (null leaves it). */
    public void change(String username, String displayName, Boolean enabled, String region) {
        write("UPDATE tenant SET display_name = COALESCE(?, display_name), enabled = COALESCE(?, enabled), "
                + "default_region = COALESCE(?, default_region) WHERE username = ?", displayName, enabled, region, username);
    }

    public void setSecret(String username, Credentials.Digest digest) {
        write("UPDATE tenant SET password_hash = ?, password_salt = ? WHERE username = ? AND role = 'tenant'",
                digest.hash(), digest.salt(), username);
    }

    public void setOperatorPassword(String username, String bcrypt) {
        write("UPDATE tenant SET password_crypt = ? WHERE username = ? AND role = 'operator'", bcrypt, username);
    }

    /** One write to the table; this node forgets what it cached of the user at once. */
    private void write(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Tenant update failed", e);
        }
        cache.clear();
    }

    /**
     * Whether this user is an enabled tenant (not an operator, not disabled): the only kind of user a batch
     * from the broker may run as. Read each time, not from the cache: a tenant disabled a moment ago sends nothing.
     */
    public boolean isEnabledTenant(String username) {
        return enabled(username, TenantView.TENANT);
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

    /** A tenant by its id, enabled or not, with what its subscribers are told of it. */
    public TenantProfile profile(long tenantId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT username, default_country_code, default_region, display_name, info_name, info_phone, info_contact, "
                        + "auto_replies_per_hour FROM tenant WHERE id = ?")) {
            s.setLong(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("No tenant " + tenantId);
                }
                int perHour = r.getInt(8);
                Integer autoRepliesPerHour = r.wasNull() ? null : perHour;
                return new TenantProfile(new TenantRef(tenantId, r.getString(1), region(r.getString(3), r.getString(2))),
                        r.getString(4), r.getString(5), r.getString(6), r.getString(7), autoRepliesPerHour);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tenant lookup failed", e);
        }
    }

    /** Sets what INFO answers for the tenant (null clears a part). */
    public void setInfo(String username, String name, String phone, String contact) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE tenant SET info_name = ?, info_phone = ?, info_contact = ? WHERE username = ?")) {
            s.setString(1, name);
            s.setString(2, phone);
            s.setString(3, contact);
            s.setString(4, username);
            if (s.executeUpdate() == 0) {
                throw new IllegalStateException("No tenant " + username);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tenant update failed", e);
        }
    }

    /**
     * The tenant's region: the one configured ({@code default_region}), else the main country of its calling
     * code ({@code default_country_code}, as before regions: 46 is SE, 1 is US).
     */
    static String region(String region, String countryCallingCode) {
        return region != null && !region.isBlank() ? region.strip().toUpperCase(java.util.Locale.ROOT) : Msisdn.regionOf(countryCallingCode);
    }

    /** The enabled tenant of this user name, read now; empty when there is none. */
    public Optional<TenantRef> find(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, default_country_code, default_region FROM tenant WHERE username = ? AND enabled = TRUE")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new TenantRef(r.getLong("id"), username,
                        region(r.getString("default_region"), r.getString("default_country_code")))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tenant lookup failed", e);
        }
    }

    private TenantRef load(String username) {
        return find(username).orElseThrow(() -> new TenantDisabledException(username));
    }
}
