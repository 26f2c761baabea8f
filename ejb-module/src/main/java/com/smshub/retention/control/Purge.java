package com.smshub.retention.control;

import java.time.OffsetDateTime;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.inbound.control.InboundStore;
import com.smshub.message.Purging;
import com.smshub.retention.entity.PurgeReport;

/**
 * A whole purge: send requests (with their messages and history) and then messages from subscribers older than
 * the cut-off, batch after batch until none is left. Runs in no transaction of its own; each batch has one.
 */
@ApplicationScoped
public class Purge {

    private static final Logger LOG = Logger.getLogger(Purge.class.getName());

    /** Send requests, or messages from subscribers, looked at in one transaction. */
    static final int BATCH = 500;

    @Inject
    PurgeBatches batches;

    public PurgeReport olderThan(OffsetDateTime cutOff, Long tenantId) {
        long after = 0;
        int requests = 0;
        int messages = 0;
        int changes = 0;
        while (true) {
            Purging.Batch batch = batches.messages(cutOff, tenantId, after, BATCH);
            requests += batch.requests();
            messages += batch.messages();
            changes += batch.statusChanges();
            after = batch.lastRequestId();
            if (batch.done(BATCH)) {
                break;
            }
        }
        long afterInbound = 0;
        int inbound = 0;
        while (true) {
            InboundStore.Purged batch = batches.inbound(cutOff, tenantId, afterInbound, BATCH);
            inbound += batch.removed();
            afterInbound = batch.lastId();
            if (batch.lookedAt() < BATCH) {
                break;
            }
        }
        PurgeReport report = new PurgeReport(cutOff, requests, messages, changes, inbound);
        if (requests + inbound > 0) {
            LOG.info(() -> "Retention removed what was older than " + cutOff + (tenantId == null ? "" : " of tenant " + tenantId)
                    + ": " + report.requests() + " send requests, " + report.messages() + " messages, " + report.statusChanges()
                    + " status changes, " + report.inboundMessages() + " messages from subscribers");
        }
        return report;
    }
}
