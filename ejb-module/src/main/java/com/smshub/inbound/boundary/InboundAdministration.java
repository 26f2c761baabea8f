package com.smshub.inbound.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.audit.control.AuditLog;
import com.smshub.inbound.control.InboundRules;
import com.smshub.inbound.control.Subscriptions;
import com.smshub.inbound.entity.InboundRule;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.Msisdn;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.tenant.control.TenantDirectory;
import com.smshub.tenant.entity.TenantProfile;
import com.smshub.tenant.entity.TenantRef;

/**
 * Operators decide which tenant gets which messages from subscribers (inbound rules), keep each tenant's
 * ongoing subscriptions (what STOP ends and confirms) and what INFO answers.
 */
@Stateless
@RolesAllowed("operator")
public class InboundAdministration {

    @Inject
    InboundRules rules;

    @Inject
    Subscriptions subscriptions;

    @Inject
    TenantDirectory tenants;

    @Inject
    AccountDirectory accounts;

    @Inject
    AuditLog audit;

    /** A rule as operators write it: a tenant's and an account's names. */
    public record RuleDefinition(Long id, String tenant, String account, String shortCode, String destinationSuffix,
            String keyword, int priority) {
    }

    public List<RuleDefinition> rules() {
        return rules.all().stream().map(this::definition).toList();
    }

    public RuleDefinition addRule(RuleDefinition rule) {
        if (rule.tenant() == null) {
            throw new InvalidValueException("tenant is required");
        }
        TenantRef tenant = tenants.byUsername(rule.tenant());
        Long account = null;
        if (rule.account() != null) {
            account = accounts.enabled().stream().filter(a -> a.name().equals(rule.account())).findFirst()
                    .orElseThrow(() -> new InvalidValueException("No enabled provider account " + rule.account())).id();
        }
        if (rule.shortCode() != null && !rule.shortCode().matches("\\+?[0-9]{3,20}")) {
            throw new InvalidValueException("shortCode is 3 to 20 digits");
        }
        if (rule.destinationSuffix() != null && !rule.destinationSuffix().matches("[0-9]{1,20}")) {
            throw new InvalidValueException("destinationSuffix is 1 to 20 digits");
        }
        if (rule.keyword() != null && !rule.keyword().strip().matches("[\\p{L}\\p{N}]{1,40}")) {
            throw new InvalidValueException("keyword is one word of letters and digits, at most 40");
        }
        RuleDefinition added = definition(rules.add(new InboundRule(null, tenant.id(), account, rule.shortCode(),
                rule.destinationSuffix(), rule.keyword(), rule.priority())));
        audit.changed("inbound-rule.add", "inbound-rule/" + added.id(), null, added);
        return added;
    }

    public boolean removeRule(long id) {
        RuleDefinition before = rules().stream().filter(r -> r.id() == id).findFirst().orElse(null);
        boolean removed = rules.remove(id);
        if (removed) {
            audit.changed("inbound-rule.remove", "inbound-rule/" + id, before, null);
        }
        return removed;
    }

    /** Starts a subscription; the number in the tenant's default country where national. */
    public boolean subscribe(String tenant, String number, String service) {
        TenantRef ref = tenants.byUsername(tenant);
        String e164 = Msisdn.parse(number, ref.defaultRegion()).e164();
        boolean was = subscriptions.active(ref.id(), e164);
        boolean started = subscriptions.start(ref.id(), e164, service);
        audit.changed("subscription.start", "tenant/" + tenant + "/subscription/" + e164, Map.of("subscribed", was),
                Map.of("subscribed", true, "service", service == null ? "" : service));
        return started;
    }

    public boolean unsubscribe(String tenant, String number) {
        TenantRef ref = tenants.byUsername(tenant);
        String e164 = Msisdn.parse(number, ref.defaultRegion()).e164();
        boolean ended = subscriptions.end(ref.id(), e164);
        if (ended) {
            audit.changed("subscription.end", "tenant/" + tenant + "/subscription/" + e164, Map.of("subscribed", true),
                    Map.of("subscribed", false));
        }
        return ended;
    }

    public boolean subscribed(String tenant, String number) {
        TenantRef ref = tenants.byUsername(tenant);
        return subscriptions.active(ref.id(), Msisdn.parse(number, ref.defaultRegion()).e164());
    }

    /** What INFO answers for the tenant (SMS Pro 12.3). */
    public void setInfo(String tenant, String name, String phone, String contact) {
        TenantProfile was = tenants.find(tenant).map(t -> tenants.profile(t.id())).orElse(null);
        tenants.setInfo(tenant, name, phone, contact);
        audit.changed("tenant.info", "tenant/" + tenant + "/info",
                was == null ? null : info(was.infoName(), was.infoPhone(), was.infoContact()), info(name, phone, contact));
    }

    private static Map<String, String> info(String name, String phone, String contact) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("phone", phone);
        info.put("contact", contact);
        return info;
    }

    private RuleDefinition definition(InboundRule rule) {
        String account = rule.accountId() == null ? null
                : accounts.byId(rule.accountId()).map(a -> a.name()).orElse(String.valueOf(rule.accountId()));
        return new RuleDefinition(rule.id(), tenants.usernameOf(rule.tenantId()), account, rule.shortCode(),
                rule.destinationSuffix(), rule.keyword(), rule.priority());
    }
}
