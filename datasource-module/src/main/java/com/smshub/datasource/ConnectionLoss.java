package com.smshub.datasource;

import java.sql.SQLException;
import java.util.Set;

import org.jboss.jca.adapters.jdbc.spi.ExceptionSorter;

/**
 * The errors after which a pooled connection is dead (WildFly: the datasource's {@code exception-sorter-class-name},
 * module {@code com.smshub.datasource}): the pool then destroys the connection instead of taking it back. Without it
 * the pool kept connections whose server session had ended (PostgreSQL restarted, its sessions terminated, the
 * network gone) and handed them out again until background validation found them, up to 30 s later, so that calls
 * failed after the database was back (HealthEndToEndIT). IronJacamar's own PostgreSQL sorter knows only 08006, but
 * the driver reports a session the server ended as 57P01 and every use after that as 08003.
 * <ul>
 * <li>SQL's class 08, connection exception: the connection failed, was refused or no longer exists (both databases'
 * drivers use it);</li>
 * <li>PostgreSQL's operator intervention that ends a session: 57P01 (terminated by an administrator or a fast
 * shutdown), 57P02 (the server crashed), 57P03 (cannot connect now), and 57P05 (idle session timeout).</li>
 * </ul>
 * A statement's own failure (a constraint, a serialization failure, a lock timeout) leaves the connection good.
 */
public class ConnectionLoss implements ExceptionSorter {

    private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03", "57P05");

    @Override
    public boolean isExceptionFatal(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && (state.startsWith("08") || SESSION_ENDED.contains(state))) {
                return true;
            }
        }
        return false;
    }
}
