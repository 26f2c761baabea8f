package com.smshub.benchmark.floor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** The floor's boundary EJB, with the gateway's security and datasource (benchmark/run.sh creates its table). */
@Stateless
@RolesAllowed("tenant")
public class FloorWork {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String none(String kind) {
        return kind;
    }

    /** One round trip, no transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String read(String kind) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT ?")) {
            s.setString(1, kind);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** One row in a JTA transaction that commits before the answer: the least a durable acceptance does. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String write(String kind) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO benchmark_floor (work) VALUES (?)")) {
            s.setString(1, kind);
            s.executeUpdate();
            return kind;
        }
    }
}
