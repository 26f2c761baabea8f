package com.smshub.routing.control;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.smshub.kernel.AddressRange;
import com.smshub.platform.CommittedSnapshot;
import com.smshub.platform.ProviderSecrets;
import com.smshub.platform.PushKeys;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Settings;
import com.smshub.routing.entity.ProviderAccount;
import com.smshub.routing.entity.PushCredentials;

/**
 * The provider accounts as adapters see them, secrets opened: read from the database at most every 30
 * seconds, and at once after an operator changed one on this node (when the change commits, see
 * {@link CommittedSnapshot}). Accounts are never deleted, so an id not found is a new account: it is read again.
 */
@ApplicationScoped
public class AccountDirectory {

    private static final Logger LOG = Logger.getLogger(AccountDirectory.class.getName());
    private static final long TTL_NANOS = 30_000_000_000L;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    @Inject
    ProviderSecrets secrets;

    @Inject
    SecretSettings secretSettings;

    @Resource
    TransactionSynchronizationRegistry transaction;

    private record Loaded(Map<Long, Account> all, Map<Long, Boolean> enabled, Map<String, Long> byName,
            Map<Long, PushCredentials> push) {
    }

    private final CommittedSnapshot<Loaded> snapshot = new CommittedSnapshot<>(TTL_NANOS);

    /** The account with this id, enabled or not; read again when this node has not seen it yet. */
    public Optional<Account> byId(long id) {
        Account account = loaded().all().get(id);
        if (account == null) {
            snapshot.forget();
            account = loaded().all().get(id);
        }
        return Optional.ofNullable(account);
    }

    /** The account of this name, enabled or not. */
    public Optional<Account> byName(String name) {
        Loaded now = loaded();
        Long id = now.byName().get(name);
        return id == null ? Optional.empty() : Optional.ofNullable(now.all().get(id));
    }

    /** What a push to the account must show (docs/security.md). */
    public PushCredentials pushCredentials(long id) {
        PushCredentials credentials = loaded().push().get(id);
        if (credentials == null) {
            throw new IllegalArgumentException("No account " + id);
        }
        return credentials;
    }

    /** Whether the account is enabled: only enabled accounts are routed to and probed. */
    public boolean isEnabled(long id) {
        return loaded().enabled().getOrDefault(id, false);
    }

    /** The enabled accounts, by name. */
    public List<Account> enabled() {
        Loaded now = loaded();
        return now.all().values().stream().filter(a -> now.enabled().get(a.id())).sorted(
                Comparator.comparing(Account::name)).toList();
    }

    /** Forgets what was read, now and when the transaction that changed an account completes. */
    public void reload() {
        snapshot.forget(transaction);
    }

    private Loaded loaded() {
        return snapshot.get(() -> {
            Map<Long, Account> all = new HashMap<>();
            Map<Long, Boolean> enabled = new HashMap<>();
            Map<String, Long> byName = new HashMap<>();
            Map<Long, PushCredentials> push = new HashMap<>();
            for (ProviderAccount stored : em.createNamedQuery(ProviderAccount.ALL, ProviderAccount.class).getResultList()) {
                byName.put(stored.getName(), stored.getId());
                try {
                    all.put(stored.getId(), account(stored));
                    push.put(stored.getId(), pushCredentials(stored));
                    enabled.put(stored.getId(), stored.isEnabled());
                } catch (RuntimeException e) {
                    // one account whose secrets do not open (sealed under another key, damaged) must not stop the others
                    LOG.log(Level.SEVERE, "Provider account " + stored.getName() + " is left out of routing and sessions: a "
                            + "secret of it does not open (" + e.getMessage() + "); an operator sets its secret again", e);
                    all.put(stored.getId(), unusable(stored));
                    enabled.put(stored.getId(), false);
                }
            }
            return new Loaded(Map.copyOf(all), Map.copyOf(enabled), Map.copyOf(byName), Map.copyOf(push));
        });
    }

    /** An account whose secrets do not open, as far as it can be told: never routed to, its pushes refused. */
    private static Account unusable(ProviderAccount stored) {
        return new Account(stored.getId(), stored.getName(), stored.getProvider(), stored.getEndpointUrl(), stored.getUsername(),
                null, Settings.of(Map.of()), new Account.Limits(stored.getMaxPerSecond(), stored.getMaxConcurrent()), null);
    }

    /** The stored account as an adapter sees it. */
    Account account(ProviderAccount stored) {
        String secret = stored.getSealedSecret() == null ? null : secrets.open(stored.getSealedSecret(), stored.getName());
        return new Account(stored.getId(), stored.getName(), stored.getProvider(), stored.getEndpointUrl(),
                stored.getUsername(), secret, Settings.of(secretSettings.opened(stored)),
                new Account.Limits(stored.getMaxPerSecond(), stored.getMaxConcurrent()), open(stored.getSealedPushKey(),
                        PushKeys.sealedFor(stored.getName())));
    }

    private PushCredentials pushCredentials(ProviderAccount stored) {
        String name = stored.getName();
        return new PushCredentials(open(stored.getSealedPushKey(), PushKeys.sealedFor(name)),
                open(stored.getSealedPreviousPushKey(), PushKeys.sealedFor(name)), stored.getPushKeyRotatedAt(),
                stored.getPushUsername(), open(stored.getSealedPushPassword(), PushKeys.passwordSealedFor(name)),
                AddressRange.parseAll(stored.getPushAllowFrom()));
    }

    private String open(String sealed, String boundTo) {
        return sealed == null ? null : secrets.open(sealed, boundTo);
    }
}
