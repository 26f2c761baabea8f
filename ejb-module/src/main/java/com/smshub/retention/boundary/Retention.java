package com.smshub.retention.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.audit.control.AuditLog;
import com.smshub.kernel.RequestValidationException;
import com.smshub.retention.control.Purge;
import com.smshub.retention.entity.PurgeReport;
import com.smshub.tenant.control.TenantDirectory;

/**
 * An operator's purge, now: of one tenant or of all, older than a number of days (0: everything final so far). No
 * transaction of its own: each batch commits on its own.
 */
@Stateless
@RolesAllowed("operator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

    @Inject
    Purge purge;

    @Inject
    TenantDirectory tenants;

    @Inject
    AuditLog audit;

    public PurgeReport purgeOlderThan(int days, String tenant) {
        if (days < 0) {
            throw new RequestValidationException("olderThanDays", "a number of days, 0 or more");
        }
        Long tenantId = tenant == null ? null : tenants.find(tenant)
                .orElseThrow(() -> new RequestValidationException("tenant", "no enabled tenant " + tenant)).id();
        PurgeReport report = purge.olderThan(OffsetDateTime.now(ZoneOffset.UTC).minusDays(days), tenantId);
        audit.changed("retention.purge", "retention" + (tenant == null ? "" : "/tenant/" + tenant), null, report);
        return report;
    }
}
