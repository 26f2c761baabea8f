package com.smshub.dispatch.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.audit.control.AuditLog;
import com.smshub.message.Outbox;
import com.smshub.message.Outbox.Requeued;

/**
 * Operators send a FAILED message again: the dead-letter queue drained it to FAILED after its bounded attempts (a
 * provider away for longer than the redeliveries last), and once the cause is mended an operator puts it back in
 * the outbox as a new attempt of the same message, with the same id, so the tenant follows it as before. Its
 * history keeps the FAILED and shows the QUEUED after it, by {@code OPERATOR}; the audit trail names who did it.
 */
@Stateless
@RolesAllowed("operator")
public class FailedMessages {

    static final String SOURCE = "OPERATOR";

    /** What the request came to: sent again, not FAILED (left as it is), or no such message. */
    public enum Result { REQUEUED, NOT_FAILED, UNKNOWN }

    @Resource
    SessionContext session;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    /** Sends the message again if it is FAILED; in one transaction with its audit row. */
    public Result requeue(String messageId) {
        Requeued result = outbox.requeueFailed(messageId, SOURCE);
        if (result == Requeued.REQUEUED) {
            audit.record(session.getCallerPrincipal().getName(), "message.requeue", "message/" + messageId,
                    "{\"status\":\"FAILED\"}", "{\"status\":\"QUEUED\"}");
        }
        return Result.valueOf(result.name());
    }
}
