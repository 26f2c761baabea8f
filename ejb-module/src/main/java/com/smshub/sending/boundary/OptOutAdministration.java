package com.smshub.sending.boundary;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.audit.control.AuditLog;
import com.smshub.kernel.Msisdn;
import com.smshub.sending.control.OptOuts;
import com.smshub.tenant.control.TenantDirectory;
import com.smshub.tenant.entity.TenantRef;

/**
 * Operators keep each tenant's opt-out list: a recipient on it is rejected with OPTED_OUT. Inbound STOP
 * messages will feed the same list.
 */
@Stateless
@RolesAllowed("operator")
public class OptOutAdministration {

    @Inject
    TenantDirectory tenants;

    @Inject
    OptOuts optOuts;

    @Inject
    AuditLog audit;

    /** Adds a number (read in the tenant's default country) and returns it in E.164. */
    public String add(String tenant, String number, String reason) {
        TenantRef ref = tenants.byUsername(tenant);
        String e164 = Msisdn.parse(number, ref.defaultRegion()).e164();
        boolean was = optOuts.optedOut(ref.id(), List.of(e164)).contains(e164);
        optOuts.add(ref.id(), e164, reason);
        audit.changed("opt-out.add", "tenant/" + tenant + "/opt-out/" + e164, Map.of("optedOut", was),
                Map.of("optedOut", true, "reason", reason == null ? "" : reason));
        return e164;
    }

    /** Whether the number was on the list. */
    public boolean remove(String tenant, String number) {
        TenantRef ref = tenants.byUsername(tenant);
        String e164 = Msisdn.parse(number, ref.defaultRegion()).e164();
        boolean removed = optOuts.remove(ref.id(), e164);
        if (removed) {
            audit.changed("opt-out.remove", "tenant/" + tenant + "/opt-out/" + e164, Map.of("optedOut", true),
                    Map.of("optedOut", false));
        }
        return removed;
    }

    public boolean contains(String tenant, String number) {
        TenantRef ref = tenants.byUsername(tenant);
        String e164 = Msisdn.parse(number, ref.defaultRegion()).e164();
        return optOuts.optedOut(ref.id(), List.of(e164)).contains(e164);
    }
}
