package com.smshub.audit.boundary;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.audit.control.AuditLog;
import com.smshub.audit.entity.AuditEntry;

/** The operators' audit trail: their writes recorded by the admin API, and read back. */
@Stateless
@RolesAllowed("operator")
public class AuditTrail {

    /** The most entries one read answers. */
    public static final int MOST = 1000;

    @Resource
    SessionContext session;

    @Inject
    AuditLog log;

    /** Records a write the calling operator made, its states before and after as JSON (null where none). */
    public void record(String action, String subject, String before, String after) {
        log.record(session.getCallerPrincipal().getName(), action, subject, before, after);
    }

    /** How many audit rows this thread has recorded so far (the admin API records a write that recorded none). */
    public static int writtenOnThisThread() {
        return AuditLog.written();
    }

    public List<AuditEntry> recent(String subjectPrefix, int most) {
        return log.recent(subjectPrefix, Math.max(1, Math.min(most, MOST)));
    }
}
