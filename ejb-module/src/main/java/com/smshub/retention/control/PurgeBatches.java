package com.smshub.retention.control;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.smshub.inbound.control.InboundStore;
import com.smshub.message.Purging;

/** One batch of a purge, each committed on its own: a long purge keeps nothing locked for long. */
@ApplicationScoped
public class PurgeBatches {

    @Inject
    Purging messages;

    @Inject
    InboundStore inbound;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Purging.Batch messages(OffsetDateTime cutOff, Long tenantId, long afterRequestId, int batchSize) {
        return messages.purge(cutOff, tenantId, afterRequestId, batchSize);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public InboundStore.Purged inbound(OffsetDateTime cutOff, Long tenantId, long afterId, int batchSize) {
        return inbound.purge(cutOff, tenantId, afterId, batchSize);
    }
}
