package com.smshub.routing.boundary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import com.smshub.audit.control.AuditLog;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.Money;
import com.smshub.kernel.NotFoundException;
import com.smshub.platform.ProviderSecrets;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.CallbackUrls;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.PushReceiving;
import com.smshub.provider.spi.Settings;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.platform.PushKeys;
import com.smshub.routing.control.Router;
import com.smshub.routing.control.SecretSettings;
import com.smshub.routing.control.SettingsJson;
import com.smshub.routing.entity.AccountDefinition;
import com.smshub.routing.entity.AccountView;
import com.smshub.routing.entity.ProviderAccount;
import com.smshub.routing.entity.PushAddress;
import com.smshub.routing.entity.PushCredentials;
import com.smshub.routing.entity.RouteDefinition;
import com.smshub.routing.entity.RouteRule;
import com.smshub.tenant.control.TenantDirectory;

/**
 * Operators configure provider accounts and the routes to them. A change takes effect on this node at once
 * and on other nodes within the 30-second refresh of the account and route caches. Accounts are disabled,
 * never deleted: messages keep naming the account they went through. A secret is sealed before it is stored
 * and never read back through here.
 */
@Stateless
@RolesAllowed("operator")
public class RoutingAdministration {

    private static final Logger LOG = Logger.getLogger(RoutingAdministration.class.getName());

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    @Inject
    Router router;

    @Inject
    AccountDirectory accounts;

    @Inject
    Providers providers;

    @Inject
    ProviderSecrets secrets;

    @Inject
    SecretSettings secretSettings;

    @Inject
    TenantDirectory tenants;

    @Inject
    AuditLog audit;

    /** Creates or replaces the account of this name; true when it was created. A null secret keeps the stored one. */
    public boolean saveAccount(String name, AccountDefinition definition) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidValueException("An account name is 1-64 letters, digits, '.', '_' or '-': " + name);
        }
        ProviderAdapter adapter = providers.adapter(definition.provider()).orElseThrow(() -> new InvalidValueException(
                "This version has no adapter for " + definition.provider() + "; its accounts cannot be used yet (served: "
                        + String.join(", ", providers.all().stream().map(a -> a.provider().name()).toList()) + ")"));
        Optional<ProviderAccount> existing = em.createNamedQuery(ProviderAccount.BY_NAME, ProviderAccount.class)
                .setParameter("name", name).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (existing.isPresent() && !existing.get().getProvider().equals(definition.provider())) {
            throw new InvalidValueException("Account " + name + " is a " + existing.get().getProvider()
                    + " account; its provider cannot change");
        }
        AccountView before = existing.map(this::view).orElse(null);
        Map<String, String> settings = secretSettings.given(definition.provider(), definition.settings(), existing);
        adapter.checkSettings(Settings.of(settings));
        ProviderAccount account = existing.orElseGet(() -> new ProviderAccount(definition.provider(), name));
        account.configure(definition.endpointUrl(), definition.username(),
                definition.secret() == null ? null : secrets.seal(definition.secret(), name),
                SettingsJson.write(secretSettings.sealed(name, definition.provider(), settings)), definition.enabled(),
                definition.maxPerSecond(), definition.maxConcurrent(), definition.ambiguity());
        AccountDefinition.Push push = definition.push();
        if (push.username() != null && push.password() == null && account.getSealedPushPassword() == null) {
            throw new InvalidValueException("pushUsername needs a pushPassword");
        }
        account.configurePush(push.username(), push.password() == null ? null
                : secrets.seal(push.password(), PushKeys.passwordSealedFor(name)), push.allowFromColumn());
        if (existing.isEmpty()) {
            account.rotatePushKey(secrets.seal(PushKeys.generate(), PushKeys.sealedFor(name)), OffsetDateTime.now(ZoneOffset.UTC));
            em.persist(account);
        }
        em.flush();
        router.reload();
        audit.changed(existing.isEmpty() ? "provider-account.create" : "provider-account.change", "provider-account/" + name,
                before, view(account));
        return existing.isEmpty();
    }

    public List<AccountView> accounts() {
        return em.createNamedQuery(ProviderAccount.ALL, ProviderAccount.class).getResultList().stream().map(this::view).toList();
    }

    /** An account as operators read it: whether a secret is set, never the secret. */
    private AccountView view(ProviderAccount a) {
        return new AccountView(a.getName(), a.getProvider(), a.getEndpointUrl(), a.getUsername(),
                a.getSealedSecret() != null, a.isEnabled(), a.getMaxPerSecond(), a.getMaxConcurrent(),
                secretSettings.shown(a), a.getPushUsername(),
                a.getPushAllowFrom() == null ? List.of() : List.of(a.getPushAllowFrom().split(",")),
                a.getAmbiguousAttempts());
    }

    /**
     * The addresses to give the account's provider for its pushes (docs/providers/&lt;provider&gt;.md), with the
     * account's key and, where set, its HTTP Basic credentials; none for a provider that pushes nothing.
     *
     * @throws NotFoundException when there is no such account
     */
    public List<PushAddress> pushAddresses(String name) {
        ProviderAccount stored = byName(name);
        Account account = accounts.byName(name).orElseThrow();
        Optional<PushReceiving> receiving = providers.capability(stored.getProvider(), PushReceiving.class);
        if (receiving.isEmpty()) {
            return List.of();
        }
        PushCredentials credentials = accounts.pushCredentials(account.id());
        List<PushAddress> addresses = new ArrayList<>();
        for (Map.Entry<String, String> path : new TreeMap<>(receiving.get().pushPaths()).entrySet()) {
            addresses.add(new PushAddress(path.getKey(), withBasic(CallbackUrls.of(account, path.getKey()), credentials),
                    path.getValue()));
        }
        return addresses;
    }

    /**
     * Gives the account a new push key; the one before stays valid for a day ({@link PushCredentials#PREVIOUS_KEY_VALID}),
     * for what the provider still sends to the old addresses. Answers the new addresses.
     */
    public List<PushAddress> rotatePushKey(String name) {
        ProviderAccount stored = em.createNamedQuery(ProviderAccount.BY_NAME, ProviderAccount.class).setParameter("name", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("name", "No provider account named " + name));
        stored.rotatePushKey(secrets.seal(PushKeys.generate(), PushKeys.sealedFor(name)), OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        accounts.reload();
        audit.changed("provider-account.push-key", "provider-account/" + name, "{\"pushKey\":\"the one before\"}",
                "{\"pushKey\":\"new; the one before taken for a day more\"}");
        return pushAddresses(name);
    }

    /**
     * What sealing the secrets again came to: accounts touched, values sealed again, and values no key opened (left as
     * they are, each named in the log: set that account's secret again).
     */
    public record Resealed(int accounts, int values, int unopened) {
    }

    /**
     * Seals every stored secret (passwords, push keys, push passwords, secret settings) again with the current key of
     * the credential store, where a previous key sealed it (a key rotation: docs/operations.md); in one transaction.
     * Run once the nodes open with both keys; afterwards the previous key can go.
     */
    public Resealed resealSecrets() {
        int accountsTouched = 0;
        int[] values = {0, 0};
        for (ProviderAccount a : em.createNamedQuery(ProviderAccount.ALL, ProviderAccount.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            int before = values[0];
            int unopenedBefore = values[1];
            String secret = again(a.getSealedSecret(), a.getName(), values);
            String pushKey = again(a.getSealedPushKey(), PushKeys.sealedFor(a.getName()), values);
            String previousPushKey = again(a.getSealedPreviousPushKey(), PushKeys.sealedFor(a.getName()), values);
            String pushPassword = again(a.getSealedPushPassword(), PushKeys.passwordSealedFor(a.getName()), values);
            String settings = secretSettings.resealed(a, values);
            a.resealed(secret, pushKey, previousPushKey, pushPassword, settings);
            if (values[0] > before) {
                accountsTouched++;
            }
            if (values[1] > unopenedBefore) {
                int unopened = values[1] - unopenedBefore;
                LOG.severe(() -> "Account " + a.getName() + ": " + unopened + " sealed values open with no key of the credential "
                        + "store and are left as they are; set the account's secrets again");
            }
        }
        em.flush();
        Resealed resealed = new Resealed(accountsTouched, values[0], values[1]);
        audit.changed("secrets.reseal", "secrets", null, resealed);
        return resealed;
    }

    /** The value sealed again, or null: already under the current key, or opened by none ({@code count[1]}). */
    private String again(String sealed, String context, int[] count) {
        try {
            String again = sealed == null ? null : secrets.resealed(sealed, context);
            if (again != null) {
                count[0]++;
            }
            return again;
        } catch (IllegalArgumentException e) {
            count[1]++;
            return null;
        }
    }

    private ProviderAccount byName(String name) {
        return em.createNamedQuery(ProviderAccount.BY_NAME, ProviderAccount.class).setParameter("name", name)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("name", "No provider account named " + name));
    }

    /** The address with the account's HTTP Basic user and password in it, where it has them (RFC 3986 userinfo). */
    private static String withBasic(String url, PushCredentials credentials) {
        if (credentials.username() == null) {
            return url;
        }
        int scheme = url.indexOf("://") + 3;
        return url.substring(0, scheme) + userinfo(credentials.username()) + ":" + userinfo(credentials.password()) + "@"
                + url.substring(scheme);
    }

    private static String userinfo(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Stores a new route and returns it with its id. */
    public RouteDefinition addRoute(RouteDefinition route) {
        Long tenantId;
        try {
            tenantId = route.tenant() == null ? null : tenants.byUsername(route.tenant()).id();
        } catch (IllegalStateException e) {
            throw new InvalidValueException("No enabled tenant named " + route.tenant());
        }
        ProviderAccount account = em.createNamedQuery(ProviderAccount.BY_NAME, ProviderAccount.class)
                .setParameter("name", route.account()).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidValueException("No provider account named " + route.account()));
        var capabilities = accounts.byId(account.getId()).map(providers::capabilities).orElseThrow();
        if (route.premium() && !capabilities.has(Feature.PREMIUM_BILLING)) {
            throw new InvalidValueException(account.getProvider() + " does not bill premium messages; the route cannot carry them");
        }
        if (route.binary() && !capabilities.has(Feature.BINARY)) {
            throw new InvalidValueException(account.getProvider() + " does not send binary messages; the route cannot carry them");
        }
        RouteRule rule = new RouteRule(route.prefix(), tenantId, account.getId(), route.priority(), route.premium(),
                route.binary(), route.price() == null ? null : route.price().amount(),
                route.price() == null ? null : route.price().currency(), route.enabled());
        em.persist(rule);
        em.flush();
        router.reload();
        RouteDefinition added = definition(rule);
        audit.changed("route.add", "route/" + rule.getId(), null, added);
        return added;
    }

    public List<RouteDefinition> routes() {
        return em.createNamedQuery(RouteRule.ALL, RouteRule.class).getResultList().stream().map(this::definition).toList();
    }

    private RouteDefinition definition(RouteRule r) {
        ProviderAccount account = em.find(ProviderAccount.class, r.getAccountId());
        return new RouteDefinition(r.getId(), r.getPrefix(),
                r.getTenantId() == null ? null : tenants.usernameOf(r.getTenantId()), account.getName(), r.getPriority(),
                r.isPremium(), r.isBinary(), r.getPriceAmount() == null ? null : new Money(r.getPriceAmount(), r.getPriceCurrency()),
                r.isEnabled());
    }

    /** Whether there was such a route. */
    public boolean removeRoute(long id) {
        RouteRule rule = em.find(RouteRule.class, id);
        if (rule == null) {
            return false;
        }
        RouteDefinition before = definition(rule);
        em.remove(rule);
        em.flush();
        router.reload();
        audit.changed("route.remove", "route/" + id, before, null);
        return true;
    }
}
