package com.smshub.tenant.boundary;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.audit.control.AuditLog;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.NotFoundException;
import com.smshub.tenant.control.Credentials;
import com.smshub.tenant.control.TenantDirectory;
import com.smshub.tenant.entity.IssuedSecret;
import com.smshub.tenant.entity.TenantChange;
import com.smshub.tenant.entity.TenantView;

/**
 * Tenants and operators, administered by operators: created with a generated secret (a tenant's, checked as a salted
 * SHA-512 digest) or password (an operator's, bcrypt), shown once; changed; disabled, which every node honours
 * within a second (TenantDirectory reads a tenant again after a second, whatever the realm's cache still holds); a
 * new secret issued. Each write is audited with the state before and after, in its own transaction.
 */
@Stateless
@RolesAllowed("operator")
public class TenantAdministration {

    /** The result of a save: the state now, and the secret when one was issued (a creation). */
    public record Saved(boolean created, TenantView tenant, IssuedSecret issued) {
    }

    @Resource
    SessionContext session;

    @Inject
    TenantDirectory directory;

    @Inject
    AuditLog audit;

    public List<TenantView> list() {
        return directory.views();
    }

    /**
     * Creates the tenant or operator, or changes it.
     *
     * @throws InvalidValueException a user name, role or region that is not one, a role changed, or an operator
     *                               disabling himself
     */
    public Saved save(String username, TenantChange change) {
        checkUsername(username);
        String region = region(change.defaultRegion());
        Optional<TenantView> before = directory.view(username);
        if (before.isEmpty()) {
            String role = change.role() == null ? TenantView.TENANT : role(change.role());
            String secret = Credentials.newSecret();
            String displayName = change.displayName() == null || change.displayName().isBlank() ? username : change.displayName().strip();
            if (TenantView.OPERATOR.equals(role)) {
                directory.createOperator(username, displayName, Credentials.bcrypt(secret), change.enabled() == null || change.enabled());
            } else {
                directory.createTenant(username, displayName, Credentials.digest(secret), region, change.enabled() == null || change.enabled());
            }
            TenantView after = directory.view(username).orElseThrow();
            audit.record(operator(), role + ".create", subject(username), null, after.json());
            return new Saved(true, after, new IssuedSecret(username, secret));
        }
        TenantView was = before.get();
        if (change.role() != null && !role(change.role()).equals(was.role())) {
            throw new InvalidValueException("The role of " + username + " is " + was.role() + "; it does not change (create another)");
        }
        if (Boolean.FALSE.equals(change.enabled()) && username.equals(operator())) {
            throw new InvalidValueException("An operator does not disable himself; another operator may");
        }
        directory.change(username, change.displayName() == null || change.displayName().isBlank() ? null : change.displayName().strip(),
                change.enabled(), region);
        TenantView after = directory.view(username).orElseThrow();
        audit.record(operator(), was.role() + (was.enabled() != after.enabled() ? (after.enabled() ? ".enable" : ".disable") : ".change"),
                subject(username), was.json(), after.json());
        return new Saved(false, after, null);
    }

    /**
     * A new secret (a tenant's) or password (an operator's), shown once; the old one stops opening at once on this
     * node and within the realm's cache time elsewhere (docs/security.md).
     *
     * @throws NotFoundException no such tenant or operator
     */
    public IssuedSecret newSecret(String username) {
        TenantView tenant = directory.view(username).orElseThrow(() -> new NotFoundException("username", "No tenant or operator " + username));
        String secret = Credentials.newSecret();
        if (TenantView.OPERATOR.equals(tenant.role())) {
            directory.setOperatorPassword(username, Credentials.bcrypt(secret));
        } else {
            directory.setSecret(username, Credentials.digest(secret));
        }
        audit.record(operator(), tenant.role() + ".secret", subject(username), null, "{\"secret\":\"issued\"}");
        return new IssuedSecret(username, secret);
    }

    /** Whether this operator may still act: enabled now (the realm may have cached him for up to a minute). */
    public boolean operatorEnabled() {
        return directory.enabled(operator(), TenantView.OPERATOR);
    }

    private String operator() {
        return session.getCallerPrincipal().getName();
    }

    private static String subject(String username) {
        return "tenant/" + username;
    }

    private static void checkUsername(String username) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new InvalidValueException("A user name is 2 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit: "
                    + username);
        }
    }

    private static String role(String role) {
        String known = role.strip().toLowerCase(Locale.ROOT);
        if (!known.equals(TenantView.TENANT) && !known.equals(TenantView.OPERATOR)) {
            throw new InvalidValueException("role is tenant or operator, not " + role);
        }
        return known;
    }

    /** An ISO 3166 region code (SE, US), upper case; null when not given. */
    private static String region(String region) {
        if (region == null) {
            return null;
        }
        String code = region.strip().toUpperCase(Locale.ROOT);
        if (!Msisdn.isRegion(code)) {
            throw new InvalidValueException("defaultRegion is a region such as SE or US, not " + region);
        }
        return code;
    }
}
