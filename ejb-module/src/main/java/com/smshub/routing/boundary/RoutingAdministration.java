package com.smshub.routing.boundary;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.provider.ProviderCode;
import com.smshub.routing.control.Router;
import com.smshub.routing.entity.AccountSettings;
import com.smshub.routing.entity.AccountView;
import com.smshub.routing.entity.RouteDefinition;
import com.smshub.sending.control.StoreException;
import com.smshub.sending.entity.InvalidValueException;
import com.smshub.sending.entity.Money;
import com.smshub.tenant.control.TenantDirectory;

/**
 * Operators configure provider accounts and the routes to them. A change takes effect on this node at once
 * and on other nodes within the router's 30-second refresh. Accounts are disabled, never deleted: messages
 * keep naming the account they went through.
 */
@Stateless
@RolesAllowed("operator")
public class RoutingAdministration {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    Router router;

    @Inject
    TenantDirectory tenants;

    /** Creates or replaces the account of this name; true when it was created. A null secret keeps the stored one. */
    public boolean saveAccount(String name, AccountSettings settings) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidValueException("An account name is 1-64 letters, digits, '.', '_' or '-': " + name);
        }
        try (Connection c = dataSource.getConnection()) {
            Optional<ProviderCode> existing = Optional.empty();
            try (PreparedStatement s = c.prepareStatement("SELECT provider FROM provider_account WHERE name = ? FOR UPDATE")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        existing = Optional.of(ProviderCode.valueOf(r.getString(1)));
                    }
                }
            }
            if (existing.isPresent() && existing.get() != settings.provider()) {
                throw new InvalidValueException("Account " + name + " is a " + existing.get() + " account; its provider cannot change");
            }
            String sql = existing.isPresent()
                    ? "UPDATE provider_account SET endpoint_url = ?, username = ?, secret = COALESCE(?, secret), enabled = ?, "
                            + "max_per_second = ?, max_concurrent = ?, recipients_per_request = ?, provider = ? WHERE name = ?"
                    : "INSERT INTO provider_account (endpoint_url, username, secret, enabled, max_per_second, max_concurrent, "
                            + "recipients_per_request, provider, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, settings.endpointUrl());
                s.setString(2, settings.username());
                s.setString(3, settings.secret());
                s.setBoolean(4, settings.enabled());
                setInteger(s, 5, settings.maxPerSecond());
                setInteger(s, 6, settings.maxConcurrent());
                setInteger(s, 7, settings.recipientsPerRequest());
                s.setString(8, settings.provider().name());
                s.setString(9, name);
                s.executeUpdate();
            }
            router.reload();
            return existing.isEmpty();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public List<AccountView> accounts() {
        List<AccountView> accounts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name, provider, endpoint_url, username, secret IS NOT NULL, enabled, max_per_second, max_concurrent, "
                        + "recipients_per_request FROM provider_account ORDER BY name");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                accounts.add(new AccountView(r.getString(1), ProviderCode.valueOf(r.getString(2)), r.getString(3),
                        r.getString(4), r.getBoolean(5), r.getBoolean(6), (Integer) r.getObject(7), (Integer) r.getObject(8),
                        (Integer) r.getObject(9)));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return accounts;
    }

    /** Stores a new route and returns it with its id. */
    public RouteDefinition addRoute(RouteDefinition route) {
        Long tenantId;
        try {
            tenantId = route.tenant() == null ? null : tenants.byUsername(route.tenant()).id();
        } catch (IllegalStateException e) {
            throw new InvalidValueException("No enabled tenant named " + route.tenant());
        }
        try (Connection c = dataSource.getConnection()) {
            long accountId;
            ProviderCode provider;
            try (PreparedStatement s = c.prepareStatement("SELECT id, provider FROM provider_account WHERE name = ?")) {
                s.setString(1, route.account());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new InvalidValueException("No provider account named " + route.account());
                    }
                    accountId = r.getLong(1);
                    provider = ProviderCode.valueOf(r.getString(2));
                }
            }
            if (route.premium() && !provider.billsPremium()) {
                throw new InvalidValueException(provider + " does not bill premium messages; the route cannot carry them");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO route (prefix, tenant_id, provider_account_id, priority, "
                    + "premium, binary_content, price_amount, price_currency, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                s.setString(1, route.prefix());
                if (tenantId == null) {
                    s.setNull(2, Types.BIGINT);
                } else {
                    s.setLong(2, tenantId);
                }
                s.setLong(3, accountId);
                s.setInt(4, route.priority());
                s.setBoolean(5, route.premium());
                s.setBoolean(6, route.binary());
                s.setBigDecimal(7, route.price() == null ? null : route.price().amount());
                s.setString(8, route.price() == null ? null : route.price().currency());
                s.setBoolean(9, route.enabled());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    router.reload();
                    return new RouteDefinition(keys.getLong(1), route.prefix(), route.tenant(), route.account(), route.priority(),
                            route.premium(), route.binary(), route.price(), route.enabled());
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public List<RouteDefinition> routes() {
        List<RouteDefinition> routes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT r.id, r.prefix, t.username, a.name, r.priority, r.premium, r.binary_content, r.price_amount, "
                        + "r.price_currency, r.enabled FROM route r JOIN provider_account a ON a.id = r.provider_account_id "
                        + "LEFT JOIN tenant t ON t.id = r.tenant_id ORDER BY r.prefix, r.priority, r.id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                BigDecimal price = r.getBigDecimal(8);
                routes.add(new RouteDefinition(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                        r.getBoolean(6), r.getBoolean(7), price == null ? null : new Money(price, r.getString(9)),
                        r.getBoolean(10)));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return routes;
    }

    /** Whether there was such a route. */
    public boolean removeRoute(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM route WHERE id = ?")) {
            s.setLong(1, id);
            boolean removed = s.executeUpdate() > 0;
            router.reload();
            return removed;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }
}
