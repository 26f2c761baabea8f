package com.smshub.routing.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import com.smshub.provider.entity.ProviderAccount;
import com.smshub.routing.entity.Route;
import com.smshub.sending.entity.Money;
import com.smshub.sending.entity.Msisdn;
import com.smshub.sending.entity.SmsContent;

/**
 * Chooses the provider accounts that may carry a message, best first: routes for the tenant before general
 * ones, the longest matching prefix, then the lowest priority number; the caller's provider preference
 * first among those that qualify. A route carries premium or binary content only when marked to, and a
 * provider only texts it takes. Routes are read from the database at most every 30 seconds.
 */
@ApplicationScoped
public class Router {

    private static final long TTL_NANOS = 30_000_000_000L;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private volatile List<Route> routes = List.of();
    private volatile long loadedAt;

    /** Every route that may carry this content to this recipient, best first; empty when none. */
    public List<Route> candidates(long tenantId, Msisdn recipient, SmsContent content) {
        List<Route> matching = new ArrayList<>();
        for (Route route : routes()) {
            if ((route.tenantId() == null || route.tenantId() == tenantId)
                    && recipient.e164().startsWith(route.prefix())
                    && (content.premium() == null || route.premium())
                    && (!content.isBinary() || route.binary())
                    && (content.isBinary() || content.text().length() <= route.account().getProvider().maxTextCharacters())) {
                matching.add(route);
            }
        }
        Comparator<Route> order = Comparator
                .comparing((Route r) -> content.providerPreference() != null
                        && r.account().getProvider() != content.providerPreference())
                .thenComparing(r -> r.tenantId() == null)
                .thenComparing(r -> -r.prefix().length())
                .thenComparingInt(Route::priority);
        matching.sort(order);
        return matching;
    }

    /** Forgets the cached routes, after an operator changed them. */
    public void reload() {
        loadedAt = 0;
    }

    private List<Route> routes() {
        if (System.nanoTime() - loadedAt > TTL_NANOS || loadedAt == 0) {
            routes = load();
            loadedAt = System.nanoTime();
        }
        return routes;
    }

    @SuppressWarnings("unchecked")
    private List<Route> load() {
        List<Object[]> rows = em.createNativeQuery("SELECT r.id, r.prefix, r.tenant_id, r.provider_account_id, r.priority, "
                + "r.premium, r.binary_content, r.price_amount, r.price_currency FROM route r "
                + "JOIN provider_account a ON a.id = r.provider_account_id WHERE r.enabled = TRUE AND a.enabled = TRUE")
                .getResultList();
        List<Route> loaded = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ProviderAccount account = em.find(ProviderAccount.class, ((Number) row[3]).longValue());
            em.detach(account);
            Money price = row[7] == null ? null : new Money(new BigDecimal(row[7].toString()), (String) row[8]);
            loaded.add(new Route(((Number) row[0]).longValue(), (String) row[1],
                    row[2] == null ? null : ((Number) row[2]).longValue(), account, ((Number) row[4]).intValue(),
                    (Boolean) row[5], (Boolean) row[6], price));
        }
        return List.copyOf(loaded);
    }
}
