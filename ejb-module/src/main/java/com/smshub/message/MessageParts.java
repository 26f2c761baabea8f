package com.smshub.message;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;

/**
 * The parts of long messages a provider took as several requests, one id and one report a part (table
 * {@code message_part}, keyed by message and part): what finds the message from a part's report, what the parts
 * have reported so far, and every part's id for a question about the message. Runs in the caller's transaction.
 */
@ApplicationScoped
public class MessageParts {

    @Inject
    Jdbc jdbc;

    /** The parts of one message as the provider took them, by their ids in order. */
    public void record(String messageId, ProviderCode provider, List<String> partIds) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO message_part (provider, provider_message_id, message_id, part) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < partIds.size(); i++) {
                    s.setString(1, provider.name());
                    s.setString(2, partIds.get(i));
                    s.setString(3, messageId);
                    s.setInt(4, i + 1);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /**
     * Our id of the message a part belongs to: the newest message with a part of this id, since an SMSC may issue an
     * id again once its counter wraps.
     */
    public Optional<String> messageOf(ProviderCode provider, String partId) {
        return jdbc.with(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "SELECT p.message_id FROM message_part p JOIN message m ON m.id = p.message_id WHERE p.provider = ? "
                        + "AND p.provider_message_id = ? ORDER BY m.accepted_at DESC FETCH FIRST 1 ROWS ONLY")) {
                s.setString(1, provider.name());
                s.setString(2, partId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The provider's ids of each message's parts, in order, for the messages that went as several requests. */
    public Map<String, List<String>> partIds(List<String> messageIds) {
        Map<String, List<String>> ids = new HashMap<>();
        if (messageIds.isEmpty()) {
            return ids;
        }
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                "SELECT message_id, provider_message_id FROM message_part WHERE message_id IN ("
                        + String.join(", ", Collections.nCopies(messageIds.size(), "?")) + ") ORDER BY message_id, part")) {
                for (int i = 0; i < messageIds.size(); i++) {
                    s.setString(i + 1, messageIds.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.computeIfAbsent(r.getString(1), m -> new ArrayList<>()).add(r.getString(2));
                    }
                }
            }
        });
        return ids;
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
        return jdbc.with(c -> {
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
                    "UPDATE message_part SET status = ? WHERE message_id = ? AND provider = ? AND provider_message_id = ?" + from)) {
                s.setString(1, status.name());
                s.setString(2, messageId);
                s.setString(3, provider.name());
                s.setString(4, partId);
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
        });
    }
}
