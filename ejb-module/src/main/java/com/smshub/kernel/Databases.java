package com.smshub.kernel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which database the gateway's datasource is, for the few statements that have a shorter form on PostgreSQL. */
public final class Databases {

    private static volatile Boolean postgresql;

    private Databases() {
    }

    /** Whether the connection's database is PostgreSQL (asked once; the datasource does not change while deployed). */
    public static boolean isPostgreSql(Connection c) throws SQLException {
        Boolean known = postgresql;
        if (known == null) {
            known = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
            postgresql = known;
        }
        return known;
    }
}
