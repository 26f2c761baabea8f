package com.smshub.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A periodic task that must not overlap itself on this node nor run on two nodes at once: each run takes
 * the row lock of its name in the {@code sequencer} table for the length of its transaction, and a tick
 * that comes while the previous run is still busy is skipped.
 */
public final class SingleNodeTask {

    /** The work of one run, on a connection whose transaction holds the task's lock. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    private final String name;
    private final Logger log;
    private final AtomicBoolean running = new AtomicBoolean();

    public SingleNodeTask(String name, Logger log) {
        this.name = name;
        this.log = log;
    }

    /**
     * Runs the work once, unless a run is under way; failures are logged and rethrown so that the
     * caller's transaction rolls back, and the next tick tries again.
     */
    public void tick(javax.sql.DataSource dataSource, Work work) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT last_value FROM sequencer WHERE name = ? FOR UPDATE")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                }
            }
            work.run(c);
        } catch (SQLException | RuntimeException e) {
            log.log(Level.WARNING, name + " failed; the next tick retries", e);
            throw new IllegalStateException(e);
        } finally {
            running.set(false);
        }
    }
}
