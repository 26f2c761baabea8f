package com.smshub.sending.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.kernel.NotFoundException;
import com.smshub.message.BatchCounts;
import com.smshub.message.MessageReads;
import com.smshub.sending.control.SendRequests;
import com.smshub.sending.entity.BatchState;
import com.smshub.sending.entity.NotATenantException;
import com.smshub.sending.entity.SendCommand;
import com.smshub.sending.entity.SendReceipt;
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

    @Inject
    SendRequests requests;

    @Inject
    MessageReads reads;

    /** @throws NotFoundException when the tenant has no such batch */
    @RolesAllowed("tenant")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BatchState state(String batchId) {
        long tenant = tenants.byUsername(session.getCallerPrincipal().getName()).id();
        long requestId;
        try {
            requestId = Long.parseLong(batchId.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException("batchId", "No batch " + batchId + " for this tenant.");
        }
        SendRequests.StoredBatch batch = requests.batch(tenant, requestId)
                .orElseThrow(() -> new NotFoundException("batchId", "No batch " + batchId + " for this tenant."));
        BatchCounts counts = reads.batchCounts(requestId);
        return new BatchState(batchId, batch.messageCount(), counts.byStatus(), counts.settled(), batch.acceptedAt());
    }

    /**
     * A batch from the JMS queue, sent as the tenant the broker authenticated its sender as. Only the
     * in-process JMS listener calls this (no remote view); who may put messages on the queue is the broker's
     * security settings, and the user is checked here again: an enabled tenant, not an operator.
     *
     * @throws NotATenantException when the user is no enabled tenant
     */
    @PermitAll
    public SendReceipt acceptFromQueue(String tenantUsername, SendCommand command) {
        if (!tenants.isEnabledTenant(tenantUsername)) {
            throw new NotATenantException("'" + tenantUsername + "' is no enabled tenant; only tenants send batches.");
        }
        return sending.sendAs(tenants.byUsername(tenantUsername), command);
    }
}
