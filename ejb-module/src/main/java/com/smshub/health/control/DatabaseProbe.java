package com.smshub.health.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/** Whether the gateway's database answers, within two seconds. */
@ApplicationScoped
public class DatabaseProbe {

    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    public boolean isUp() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Database probe failed", e);
            return false;
        }
    }
}
