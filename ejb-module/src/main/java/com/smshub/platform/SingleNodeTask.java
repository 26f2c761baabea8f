package com.smshub.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.smshub.kernel.Databases;

/**
 * A periodic task that must not run on two nodes at once: each run takes the row lock of its name in the
 * {@code sequencer} table for the length of its transaction (that it does not overlap itself on this node, the
 * {@link Scheduler} sees to).
 * <p>
 * On PostgreSQL a run reads its partial indexes (outbox, unsequenced changes, waiting messages, checks) by
 * ordered index scans only. Those indexes churn: every entry dies soon after it is written. An index scan
 * marks the dead entries it meets, so the next run skips them; a bitmap scan, which the planner picks for a
 * table it has no statistics for, never does, and without a vacuum in between each run would walk every
 * entry the index ever held (measured: 10 ms a relay tick after 100,000 messages, against 0.1 ms); nor
 * should it read the whole table instead.
 */
public final class SingleNodeTask {

    /** The work of one run, in the transaction that holds the task's lock. */
    @FunctionalInterface
    public interface Work {
        void run();
    }

    private final String name;
    private final Logger log;

    public SingleNodeTask(String name, Logger log) {
        this.name = name;
        this.log = log;
    }

    /**
     * Runs the work once, holding the lock row (the Scheduler keeps a run from overlapping the one before it on this
     * node); failures are logged and rethrown so that the caller's transaction rolls back, and the next run tries
     * again.
     */
    public void tick(javax.sql.DataSource dataSource, Work work) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT last_value FROM sequencer WHERE name = ? FOR UPDATE")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                }
            }
            indexScansOnly(c);
            work.run();
        } catch (SQLException | RuntimeException e) {
            log.log(Level.WARNING, name + " failed; the next tick retries", e);
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the rest of the caller's transaction read by index scans only, as a run does (on PostgreSQL), for
     * work a run hands to transactions of its own.
     */
    public static void indexScansOnly(javax.sql.DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            indexScansOnly(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void indexScansOnly(Connection c) throws SQLException {
        if (Databases.isPostgreSql(c)) {
            try (Statement s = c.createStatement()) {
                // until the transaction ends
                s.execute("SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off");
            }
        }
    }
}
