package com.smshub.sending.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.sending.control.StoreException;
import com.smshub.sending.entity.BatchState;
import com.smshub.sending.entity.SendCommand;
import com.smshub.sending.entity.SendReceipt;
import com.smshub.status.entity.MessageStatus;
import com.smshub.status.entity.UnknownMessageException;
import com.smshub.tenant.control.TenantDirectory;

/**
 * Batches: GetBatchStatus for tenants, and the intake of batches that arrive over JMS, whose tenant the
 * JMS message names (docs/jms-batches.md). A batch is the request it was sent in: its id is the request's.
 */
@Stateless
public class Batches {

    @Resource
    SessionContext session;

    @Inject
    TenantDirectory tenants;

    @EJB
    SmsSending sending;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** @throws UnknownMessageException when the tenant has no such batch */
    @RolesAllowed("tenant")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BatchState state(String batchId) {
        long tenant = tenants.byUsername(session.getCallerPrincipal().getName()).id();
        long requestId;
        try {
            requestId = Long.parseLong(batchId.strip());
        } catch (NumberFormatException e) {
            throw new UnknownMessageException("batchId", "No batch " + batchId + " for this tenant.");
        }
        try (Connection c = dataSource.getConnection()) {
            BatchState state;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT message_count, created_at FROM send_request WHERE id = ? AND tenant_id = ? AND kind = 'BATCH'")) {
                s.setLong(1, requestId);
                s.setLong(2, tenant);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new UnknownMessageException("batchId", "No batch " + batchId + " for this tenant.");
                    }
                    state = new BatchState(batchId, r.getInt(1), new EnumMap<>(MessageStatus.class),
                            r.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC));
                }
            }
            Map<MessageStatus, Integer> counts = state.counts();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT status, COUNT(*) FROM message WHERE request_id = ? GROUP BY status")) {
                s.setLong(1, requestId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        counts.put(MessageStatus.valueOf(r.getString(1)), r.getInt(2));
                    }
                }
            }
            return state;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * A batch from the JMS queue, sent as the tenant its message names. Only the in-process JMS listener
     * calls this (no remote view); who may put messages on the queue is the broker's security settings.
     */
    @PermitAll
    public SendReceipt acceptFromQueue(String tenantUsername, SendCommand command) {
        return sending.sendAs(tenants.byUsername(tenantUsername), command);
    }
}
