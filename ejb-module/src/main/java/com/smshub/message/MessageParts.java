package com.smshub.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.StoreException;

/**
 * The parts of long messages a provider took as several requests, one id and one report a part (table
 * {@code message_part}): what finds the message from a part's report, and what the parts have reported so
 * far. Runs in the caller's transaction.
 */
@ApplicationScoped
public class MessageParts {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** The parts of one message as the provider took them, by their ids in order. */
    public void record(String messageId, ProviderCode provider, List<String> partIds) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO message_part (provider, provider_message_id, message_id, part) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < partIds.size(); i++) {
                s.setString(1, provider.name());
                s.setString(2, partIds.get(i));
                s.setString(3, messageId);
                s.setInt(4, i + 1);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Our id of the message a part belongs to. */
    public Optional<String> messageOf(ProviderCode provider, String partId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT message_id FROM message_part WHERE provider = ? AND provider_message_id = ?")) {
            s.setString(1, provider.name());
            s.setString(2, partId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** What the parts of a message have reported, and the message's provider id. */
    public record Reported(List<MessageStatus> parts, String providerMessageId) {
    }

    /**
     * Records a part's report (forward only, as a message's status moves) and reads every part's status, an
     * unreported part as SUBMITTED. The message's row is locked first, so that two parts' reports for the
     * same message are taken one after the other and the second sees the first.
     */
    public Reported report(String messageId, ProviderCode provider, String partId, MessageStatus status) {
        try (Connection c = dataSource.getConnection()) {
            String providerMessageId;
            try (PreparedStatement s = c.prepareStatement("SELECT provider_message_id FROM message WHERE id = ? FOR UPDATE")) {
                s.setString(1, messageId);
                try (ResultSet r = s.executeQuery()) {
                    providerMessageId = r.next() ? r.getString(1) : null;
                }
            }
            String from = status.predecessors().stream().map(p -> "'" + p.name() + "'").reduce((a, b) -> a + ", " + b)
                    .map(list -> " AND (status IS NULL OR status IN (" + list + "))").orElse(" AND status IS NULL");
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE message_part SET status = ? WHERE provider = ? AND provider_message_id = ?" + from)) {
                s.setString(1, status.name());
                s.setString(2, provider.name());
                s.setString(3, partId);
                s.executeUpdate();
            }
            List<MessageStatus> parts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT status FROM message_part WHERE message_id = ? ORDER BY part")) {
                s.setString(1, messageId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String part = r.getString(1);
                        parts.add(part == null ? MessageStatus.SUBMITTED : MessageStatus.valueOf(part));
                    }
                }
            }
            return new Reported(parts, providerMessageId);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
