package com.smshub.session.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import com.smshub.kernel.StoreException;

/** An account's row in {@code provider_session}, made in a transaction of its own the first time it is needed. */
@Stateless
@PermitAll
public class AccountRows {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensure(long accountId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO provider_session (account_id, holder, expires_at) "
                        + "SELECT ?, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM provider_session WHERE account_id = ?)")) {
            s.setLong(1, accountId);
            s.setLong(2, accountId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e); // also a concurrent first lock that made it first: this one rolls back
        }
    }
}
