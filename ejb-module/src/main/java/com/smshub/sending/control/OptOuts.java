package com.smshub.sending.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.StoreException;

/** The recipients who asked a tenant to stop sending; checked for a whole request at once. */
@ApplicationScoped
public class OptOuts {

    private static final int CHUNK = 500;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** Which of these E.164 numbers are on the tenant's opt-out list. */
    public Set<String> optedOut(long tenantId, Collection<String> numbers) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(new HashSet<>(numbers));
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                String sql = "SELECT msisdn FROM opt_out WHERE tenant_id = ? AND msisdn IN ("
                        + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, tenantId);
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.add(r.getString("msisdn"));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return found;
    }

    public void add(long tenantId, String e164, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO opt_out (tenant_id, msisdn, reason, created_at) SELECT ?, ?, ?, CURRENT_TIMESTAMP "
                        + "WHERE NOT EXISTS (SELECT 1 FROM opt_out WHERE tenant_id = ? AND msisdn = ?)")) {
            s.setLong(1, tenantId);
            s.setString(2, e164);
            s.setString(3, reason);
            s.setLong(4, tenantId);
            s.setString(5, e164);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public boolean remove(long tenantId, String e164) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM opt_out WHERE tenant_id = ? AND msisdn = ?")) {
            s.setLong(1, tenantId);
            s.setString(2, e164);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
