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

    /** Records a write the calling operator made (the admin API's, for writes that record no state of their own). */
    public void record(String action, String subject, String before, String after) {
        log.record(session.getCallerPrincipal().getName(), action, subject, before, after);
    }

    public List<AuditEntry> recent(String subjectPrefix, int most) {
        return log.recent(subjectPrefix, Math.max(1, Math.min(most, MOST)));
    }
}
