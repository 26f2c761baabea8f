package com.smshub.inbound.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.StoreException;
import com.smshub.provider.spi.InboundMessage;

/**
 * Messages from subscribers, each stored once: a provider that delivers one again (it got no answer, or
 * retries on its own) meets the unique key of provider and provider id, and the repeat changes nothing.
 * Runs in the caller's transaction. Routing to tenants, keywords and the contract's feed build on this table.
 */
@ApplicationScoped
public class InboundStore {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** @return whether it was new */
    public boolean store(InboundMessage message) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO inbound_message (provider, provider_account_id, provider_message_id, sender, destination, "
                        + "text_body, binary_hex, received_at, replies_to, opt_out) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM inbound_message WHERE provider = ? AND provider_message_id = ?)")) {
            int i = 1;
            s.setString(i++, message.provider().name());
            if (message.accountId() > 0) {
                s.setLong(i++, message.accountId());
            } else {
                s.setNull(i++, Types.BIGINT);
            }
            s.setString(i++, message.providerMessageId());
            s.setString(i++, message.from());
            s.setString(i++, message.to());
            s.setString(i++, message.text());
            s.setString(i++, message.binaryHex());
            s.setTimestamp(i++, Timestamp.from(message.receivedAt().toInstant()));
            s.setString(i++, message.repliesTo());
            s.setBoolean(i++, message.optOut());
            s.setString(i++, message.provider().name());
            s.setString(i, message.providerMessageId());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            // also a concurrent delivery of the same message that committed first: this transaction rolls
            // back, the provider gets no answer and delivers again, and then finds it stored
            throw new StoreException(e);
        }
    }
}
