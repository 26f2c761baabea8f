package com.smshub.kernel;

import java.sql.SQLException;

/** A database failure; the transaction rolls back and nothing half-done remains. */
public class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Whether the failure is a unique-key violation (SQLState class 23): a concurrent duplicate. */
    public boolean isDuplicate() {
        return getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }
}
