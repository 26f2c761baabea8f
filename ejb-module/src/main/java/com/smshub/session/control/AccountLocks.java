package com.smshub.session.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.smshub.kernel.StoreException;

/**
 * One request at a time to an account, on every node: for a provider that refuses a second request while one
 * is under way (MOBIPACE, limitation 1), the core locks the account's row in {@code provider_session} in the
 * caller's transaction before it calls the provider, and the lock holds until that transaction ends.
 */
@ApplicationScoped
public class AccountLocks {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @EJB
    AccountRows rows;

    /** Does the work holding the account's lock, in a transaction of its own that holds nothing else. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T holding(long accountId, Supplier<T> work) {
        lock(accountId);
        return work.get();
    }

    /** Waits for the account's lock and holds it until the caller's transaction ends. */
    public void lock(long accountId) {
        if (!tryLock(accountId)) {
            try {
                rows.ensure(accountId); // the account's first lock: its row, committed on its own
            } catch (EJBException e) {
                // a concurrent first lock made the row first; the lock below finds it
            }
            if (!tryLock(accountId)) {
                throw new IllegalStateException("No lock row for account " + accountId);
            }
        }
    }

    private boolean tryLock(long accountId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT account_id FROM provider_session WHERE account_id = ? FOR UPDATE")) {
            s.setLong(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
