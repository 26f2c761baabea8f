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
                        System.getProperty(SIMULATOR_BASE_URL, "http://localhost:8080/smshub-simulator"),
                        "simulator_smpp_url", System.getProperty(SIMULATOR_SMPP_URL, "smpp://localhost:2775")))
                .load()
                .migrate();
        if (Boolean.getBoolean(DEMO_DATA)) {
            sealDemoSecrets();
            sealDemoSecretSettings();
        }
        givePushKeys();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
    }

    /**
     * The simulators' published passwords, for the demo accounts that db/demo creates: SQL cannot seal them,
     * so they are sealed here, once, for an account that has none yet.
     */
    static final Map<String, String> DEMO_SECRETS = Map.of("smspro-simulator", "xxxxxxxx",
            "mymobileapi-simulator", "mma-password", "masiv-simulator", "masiv-password",
            "mobipace-simulator", "mobipace-password", "mymsp-simulator", "mymsp-pw");

    /**
     * Secret settings of the demo accounts (db/demo writes the rest of their settings), sealed here as their
     * passwords are: the SMS Pro simulator's Appendix 1 credentials.
     */
    static final Map<String, Map<String, String>> DEMO_SECRET_SETTINGS = Map.of("smspro-simulator",
            Map.of("basicPassword", "smspro-basic-password"));

    private void sealDemoSecretSettings() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT settings FROM provider_account WHERE name = ?");
             PreparedStatement update = c.prepareStatement("UPDATE provider_account SET settings = ? WHERE name = ? AND settings = ?")) {
            for (Map.Entry<String, Map<String, String>> demo : DEMO_SECRET_SETTINGS.entrySet()) {
                select.setString(1, demo.getKey());
                String stored;
                try (ResultSet r = select.executeQuery()) {
                    if (!r.next() || (stored = r.getString(1)) == null) {
                        continue;
                    }
                }
                JsonObject settings;
                try (JsonReader reader = Json.createReader(new StringReader(stored))) {
                    settings = reader.readObject();
                }
                List<Map.Entry<String, String>> missing = demo.getValue().entrySet().stream()
                        .filter(setting -> !settings.containsKey(setting.getKey())).toList();
                if (missing.isEmpty()) {
                    continue; // sealed at an earlier start
                }
                JsonObjectBuilder sealed = Json.createObjectBuilder(settings);
                missing.forEach(setting -> sealed.add(setting.getKey(), secrets.seal(setting.getValue(),
                        ProviderSecrets.settingSealedFor(demo.getKey(), setting.getKey()))));
                update.setString(1, sealed.build().toString());
                update.setString(2, demo.getKey());
                update.setString(3, stored);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seal the demo accounts' secret settings", e);
        }
    }

    private void sealDemoSecrets() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE provider_account SET secret_sealed = ? WHERE name = ? AND secret_sealed IS NULL")) {
            for (Map.Entry<String, String> demo : DEMO_SECRETS.entrySet()) {
                s.setString(1, secrets.seal(demo.getValue(), demo.getKey()));
                s.setString(2, demo.getKey());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seal the demo accounts' secrets", e);
        }
    }

    /**
     * The push key the SMS Pro simulator's account has in the demo, so that the simulator, which is not told
     * anything by the gateway, knows where to push (its default MO and billing addresses carry it).
     */
    static final Map<String, String> DEMO_PUSH_KEYS = Map.of("smspro-simulator", "smspro-simulator-demo-push-key");

    /**
     * Every account has a push key (docs/security.md): one made before keys existed, or added by hand, gets a
     * random one here, once; the demo's simulator account gets its published one.
     */
    private void givePushKeys() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, name FROM provider_account WHERE push_key_sealed IS NULL");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE provider_account SET push_key_sealed = ? WHERE id = ? AND push_key_sealed IS NULL");
             ResultSet r = select.executeQuery()) {
            while (r.next()) {
                String name = r.getString("name");
                String key = Boolean.getBoolean(DEMO_DATA) && DEMO_PUSH_KEYS.containsKey(name) ? DEMO_PUSH_KEYS.get(name)
                        : PushKeys.generate();
                update.setString(1, secrets.seal(key, PushKeys.sealedFor(name)));
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
        if (Boolean.getBoolean(DEMO_DATA)) {
            locations.add("classpath:db/demo");
        }
        return locations;
    }
}
