package com.smshub.datasource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class ConnectionLossTest {

    private final ConnectionLoss sorter = new ConnectionLoss();

    @Test
    void aSessionTheServerEndedIsDead() {
        // what PostgreSQL's driver says when pg_terminate_backend or a fast shutdown ended the session, then on every use
        assertTrue(sorter.isExceptionFatal(new SQLException("FATAL: terminating connection due to administrator command",
                "57P01")));
        assertTrue(sorter.isExceptionFatal(new SQLException("This connection has been closed.", "08003")));
        assertTrue(sorter.isExceptionFatal(new SQLException("An I/O error occurred while sending to the backend.",
                "08006")));
        assertTrue(sorter.isExceptionFatal(new SQLException("the database system is shutting down", "57P03")));
    }

    @Test
    void aStatementsOwnFailureLeavesTheConnectionGood() {
        assertFalse(sorter.isExceptionFatal(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(sorter.isExceptionFatal(new SQLException("could not serialize access", "40001")));
        assertFalse(sorter.isExceptionFatal(new SQLException("canceling statement due to lock timeout", "55P03")));
        assertFalse(sorter.isExceptionFatal(new SQLException("no state")));
    }

    @Test
    void aConnectionLossFurtherDownTheChainCounts() {
        SQLException batch = new SQLException("Batch entry 3 was aborted", "40001");
        batch.setNextException(new SQLException("This connection has been closed.", "08003"));
        assertTrue(sorter.isExceptionFatal(batch));
    }
}
