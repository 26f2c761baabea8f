package com.smshub.inbound.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.inbound.entity.InboundRule;
import com.smshub.kernel.StoreException;

/** The inbound rules, read from the database at each message (messages from subscribers are few, rules fewer). */
@ApplicationScoped
public class InboundRules {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    public List<InboundRule> all() {
        List<InboundRule> rules = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, tenant_id, provider_account_id, short_code, destination_suffix, keyword, priority FROM inbound_rule");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long account = r.getLong(3);
                rules.add(new InboundRule(r.getLong(1), r.getLong(2), r.wasNull() ? null : account, r.getString(4),
                        r.getString(5), r.getString(6), r.getInt(7)));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return rules;
    }

    /**
     * The tenants with a rule on this account: those a STOP no rule gives to reaches (SMS Pro 12.1: a STOPP is
     * distributed to every company having the account activated).
     */
    public List<Long> tenantsOf(long accountId) {
        List<Long> tenants = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT tenant_id FROM inbound_rule WHERE provider_account_id = ? ORDER BY tenant_id")) {
            s.setLong(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tenants.add(r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return tenants;
    }

    public InboundRule add(InboundRule rule) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO inbound_rule (tenant_id, provider_account_id, short_code, destination_suffix, keyword, priority) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            s.setLong(1, rule.tenantId());
            if (rule.accountId() == null) {
                s.setNull(2, Types.BIGINT);
            } else {
                s.setLong(2, rule.accountId());
            }
            s.setString(3, rule.shortCode());
            s.setString(4, rule.destinationSuffix());
            s.setString(5, rule.keyword());
            s.setInt(6, rule.priority());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new InboundRule(keys.getLong(1), rule.tenantId(), rule.accountId(), rule.shortCode(),
                        rule.destinationSuffix(), rule.keyword(), rule.priority());
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public boolean remove(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM inbound_rule WHERE id = ?")) {
            s.setLong(1, id);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
