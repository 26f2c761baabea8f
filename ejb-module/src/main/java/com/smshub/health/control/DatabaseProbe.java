package com.smshub.health.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the gateway's database answers, within two seconds. It asks with a statement rather than
 * {@code Connection.isValid}: a connection the database ended then fails with an error the pool's exception sorter
 * sees (com.smshub.datasource.ConnectionLoss), and the pool destroys it, where {@code isValid} would answer false and
 * the pool would hand the same dead connection to the next probe.
 */
@ApplicationScoped
public class DatabaseProbe {

    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    public boolean isUp() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Database probe failed", e);
            return false;
        }
    }
}
