package com.smshub.sending.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.StoreException;
import com.smshub.sending.entity.SendCommand;

/**
 * Accepted SendSms and SendBatch calls (table {@code send_request}, plain JDBC like the messages they own):
 * the client reference and request hash that make a call safe to repeat, and a batch's size and time.
 */
@ApplicationScoped
public class SendRequests {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** An earlier request with the same client reference. */
    public record PriorRequest(long id, String hash, OffsetDateTime createdAt) {
    }

    /** A stored batch: how many messages it had and when it was accepted. */
    public record StoredBatch(long id, int messageCount, OffsetDateTime acceptedAt) {
    }

    public Optional<PriorRequest> find(long tenantId, SendCommand.Kind kind, String clientReference) {
        String sql = "SELECT id, request_hash, created_at FROM send_request WHERE tenant_id = ? AND kind = ? AND client_reference = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, tenantId);
            s.setString(2, kind.name());
            s.setString(3, clientReference);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new PriorRequest(r.getLong("id"), r.getString("request_hash"),
                        time(r.getTimestamp("created_at")))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** @throws StoreException {@link StoreException#isDuplicate() a duplicate} when a concurrent call with the reference won */
    public long insert(long tenantId, SendCommand command, String hash, OffsetDateTime now) {
        String sql = "INSERT INTO send_request (tenant_id, kind, client_reference, request_hash, batch_name, message_count, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
            s.setLong(1, tenantId);
            s.setString(2, command.kind().name());
            s.setString(3, command.clientReference());
            s.setString(4, hash);
            s.setString(5, command.batchName());
            s.setInt(6, command.items().size());
            s.setTimestamp(7, Timestamp.from(now.toInstant()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The tenant's batch of this id, if it has one. */
    public Optional<StoredBatch> batch(long tenantId, long requestId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT message_count, created_at FROM send_request WHERE id = ? AND tenant_id = ? AND kind = 'BATCH'")) {
            s.setLong(1, requestId);
            s.setLong(2, tenantId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new StoredBatch(requestId, r.getInt("message_count"),
                        time(r.getTimestamp("created_at")))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static OffsetDateTime time(Timestamp t) {
        return t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
