package com.smshub.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Supplier;

import jakarta.json.Json;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 6: the secrets stored in plain text before version 5 are sealed with the credential store's
 * key (SecretBox, bound to the account's name), and SMS Pro's {@code recipients_per_request} becomes its
 * setting {@code recipientsPerRequest}. Version 7 then drops both old columns. Named as a class should be,
 * not as Flyway's scanning wants: it is handed to Flyway by DatabaseMigration.
 */
final class SealProviderSecrets implements JavaMigration {

    private final Supplier<SecretBox> box;

    SealProviderSecrets(Supplier<SecretBox> box) {
        this.box = box;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "seal provider secrets";
    }

    @Override
    public Integer getChecksum() {
        return 6;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, name, secret, recipients_per_request FROM provider_account");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE provider_account SET secret_sealed = ?, settings = ? WHERE id = ?");
             ResultSet r = select.executeQuery()) {
            while (r.next()) {
                String secret = r.getString("secret");
                int recipients = r.getInt("recipients_per_request");
                update.setString(1, secret == null ? null : box.get().seal(secret, r.getString("name")));
                update.setString(2, recipients > 1
                        ? Json.createObjectBuilder().add("recipientsPerRequest", String.valueOf(recipients)).build().toString()
                        : null);
                update.setLong(3, r.getLong("id"));
                update.executeUpdate();
            }
        }
    }
}
