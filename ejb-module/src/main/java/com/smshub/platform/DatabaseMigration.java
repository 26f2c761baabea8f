package com.smshub.platform;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import com.smshub.kernel.Configuration;

/**
 * Brings the database schema to the version this build expects before anything else runs. Flyway owns the
 * schema; Hibernate only maps it. Flyway's lock table makes two nodes starting together migrate once.
 * Migrations shared by every database are in {@code db/migration}; a database's own, numbered in the
 * same sequence, in {@code db/vendor/postgresql} or {@code db/vendor/h2} (PostgreSQL's partial indexes).
 *
 * <p>Demo data (tenants, the simulator accounts and their routes) is added only when the server runs with
 * {@code -Dsmshub.demo-data=true}, as the default run and the tests do. The periodic jobs depend on this bean
 * ({@code @DependsOn}), so none runs before the schema it reads exists, on a fresh database or an upgrade.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    static final String DEMO_DATA = "smshub.demo-data";
    static final String SIMULATOR_BASE_URL = "smshub.simulator.base-url";
    /** Where the demo's SMPP account finds the SMSC simulator. */
    static final String SIMULATOR_SMPP_URL = "smshub.simulator.smpp-url";

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    ProviderSecrets secrets;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations(vendor()).toArray(String[]::new))
                .javaMigrations(new SealProviderSecrets(() -> new SecretBox(CredentialStoreKey.load())))
                .placeholders(Map.of("simulator_base_url",
                        Configuration.text(SIMULATOR_BASE_URL, "http://localhost:8080/smshub-simulator"),
                        "simulator_smpp_url", Configuration.text(SIMULATOR_SMPP_URL, "smpp://localhost:2775")))
                .load()
                .migrate();
        if (Configuration.flag(DEMO_DATA)) {
            sealDemoSecrets();
        }
        givePushKeys();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
    }

    /**
     * The demo accounts' published secrets, which db/demo lists in {@code demo_secret} (SQL cannot seal them): sealed
     * here, once, into the account that has none yet. A row is one of: {@code secret} (the account's password),
     * {@code setting} (a secret setting of that name, the rest of whose settings db/demo writes), {@code push-key}
     * (the push key a simulator that is told nothing by the gateway uses). Each provider's demo account lists its own,
     * so nothing here names one.
     */
    private void sealDemoSecrets() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement rows = c.prepareStatement(
                     "SELECT account, kind, setting, plain FROM demo_secret ORDER BY account, kind, setting");
             PreparedStatement secret = c.prepareStatement(
                     "UPDATE provider_account SET secret_sealed = ? WHERE name = ? AND secret_sealed IS NULL");
             PreparedStatement pushKey = c.prepareStatement(
                     "UPDATE provider_account SET push_key_sealed = ? WHERE name = ? AND push_key_sealed IS NULL");
             ResultSet r = rows.executeQuery()) {
            while (r.next()) {
                String account = r.getString("account");
                String value = r.getString("plain");
                switch (r.getString("kind")) {
                    case "secret" -> update(secret, secrets.seal(value, account), account);
                    case "push-key" -> update(pushKey, secrets.seal(value, PushKeys.sealedFor(account)), account);
                    case "setting" -> sealSetting(c, account, r.getString("setting"), value);
                    default -> throw new IllegalStateException("demo_secret: unknown kind " + r.getString("kind"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seal the demo accounts' secrets", e);
        }
    }

    private static void update(PreparedStatement statement, String sealed, String account) throws SQLException {
        statement.setString(1, sealed);
        statement.setString(2, account);
        statement.executeUpdate();
    }

    private void sealSetting(Connection c, String account, String setting, String value) throws SQLException {
        String stored;
        try (PreparedStatement select = c.prepareStatement("SELECT settings FROM provider_account WHERE name = ?")) {
            select.setString(1, account);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next() || (stored = r.getString(1)) == null) {
                    return;
                }
            }
        }
        JsonObject settings;
        try (JsonReader reader = Json.createReader(new StringReader(stored))) {
            settings = reader.readObject();
        }
        if (settings.containsKey(setting)) {
            return; // sealed at an earlier start
        }
        JsonObjectBuilder sealed = Json.createObjectBuilder(settings)
                .add(setting, secrets.seal(value, ProviderSecrets.settingSealedFor(account, setting)));
        try (PreparedStatement update = c.prepareStatement("UPDATE provider_account SET settings = ? WHERE name = ? AND settings = ?")) {
            update.setString(1, sealed.build().toString());
            update.setString(2, account);
            update.setString(3, stored);
            update.executeUpdate();
        }
    }

    /** Every account has a push key (docs/security.md): one made before keys existed, or added by hand, gets a random one here, once. */
    private void givePushKeys() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, name FROM provider_account WHERE push_key_sealed IS NULL");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE provider_account SET push_key_sealed = ? WHERE id = ? AND push_key_sealed IS NULL");
             ResultSet r = select.executeQuery()) {
            while (r.next()) {
                update.setString(1, secrets.seal(PushKeys.generate(), PushKeys.sealedFor(r.getString("name"))));
                update.setLong(2, r.getLong("id"));
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot give the provider accounts their push keys", e);
        }
    }

    /** The database's own migrations are in db/vendor/{postgresql|h2}, after its product name. */
    private String vendor() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it", e);
        }
    }

    static List<String> locations(String vendor) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration", "classpath:db/vendor/" + vendor));
        if (Configuration.flag(DEMO_DATA)) {
            locations.add("classpath:db/demo");
        }
        return locations;
    }
}
