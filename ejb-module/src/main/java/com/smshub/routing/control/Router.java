package com.smshub.routing.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.SmsContent;
import com.smshub.platform.CommittedSnapshot;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.ContentRule;
import com.smshub.provider.spi.Providers;
import com.smshub.routing.entity.Route;
import com.smshub.routing.entity.RouteRule;

/**
 * Chooses the provider accounts that may carry a message, best first. Routes are read from the database at
 * most every 30 seconds, and at once after an operator changed them on this node (when the change commits, see
 * {@link CommittedSnapshot}).
 */
@ApplicationScoped
public class Router {

    private static final long TTL_NANOS = 30_000_000_000L;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    @Inject
    AccountDirectory accounts;

    @Inject
    Providers providers;

    @Resource
    TransactionSynchronizationRegistry transaction;

    private final CommittedSnapshot<List<Route>> routes = new CommittedSnapshot<>(TTL_NANOS);

    /** Every route that may carry this content to this recipient, best first; empty when none. */
    public List<Route> candidates(long tenantId, Msisdn recipient, SmsContent content) {
        return candidates(routes(), tenantId, recipient, content);
    }

    /**
     * The routes that match, best first: a route carries premium or binary content only when marked to, and
     * only to a provider that can (premium billing, binary, flash, validity, the text's length, the number's
     * length); then the
     * caller's provider preference first among those that qualify, the tenant's own routes before general
     * ones, the longest prefix, the lowest priority number, and the route's id to break a tie for good.
     */
    static List<Route> candidates(List<Route> routes, long tenantId, Msisdn recipient, SmsContent content) {
        List<Route> matching = new ArrayList<>();
        for (Route route : routes) {
            if (reaches(route, tenantId, recipient, content) && takes(route.capabilities(), content)) {
                matching.add(route);
            }
        }
        matching.sort(order(content.providerPreference()));
        return matching;
    }

    /** Best first: the preferred provider, the tenant's own routes, the longest prefix, the lowest priority, the id. */
    private static Comparator<Route> order(ProviderCode preference) {
        return Comparator
                .comparing((Route r) -> preference != null && !r.account().provider().equals(preference))
                .thenComparing(r -> r.tenantId() == null)
                .thenComparing(r -> -r.prefix().length())
                .thenComparingInt(Route::priority)
                .thenComparingLong(Route::id);
    }

    /**
     * The accounts that may charge this subscriber for this tenant, best first: those of the premium routes
     * that match the number, whose provider debits and credits subscribers.
     */
    public List<Account> chargingAccounts(long tenantId, Msisdn subscriber, ProviderCode preference) {
        Map<Long, Account> found = new LinkedHashMap<>();
        routes().stream()
                .filter(r -> (r.tenantId() == null || r.tenantId() == tenantId) && subscriber.e164().startsWith(r.prefix())
                        && r.premium() && r.capabilities().has(Feature.CHARGING))
                .sorted(order(preference))
                .forEach(r -> found.putIfAbsent(r.account().id(), r.account()));
        return List.copyOf(found.values());
    }

    /** Whether the route may carry this content to this recipient, its sender aside. */
    private static boolean reaches(Route route, long tenantId, Msisdn recipient, SmsContent content) {
        return (route.tenantId() == null || route.tenantId() == tenantId)
                && recipient.e164().startsWith(route.prefix())
                && (content.premium() == null || route.premium())
                && (!content.isBinary() || route.binary())
                && carriesContent(route.capabilities(), content)
                && recipient.digits().length() <= route.capabilities().maxRecipientDigits();
    }

    /** Whether a provider with these capabilities can send this content as asked. */
    static boolean carries(Capabilities can, SmsContent content) {
        return carriesContent(can, content) && takes(can, content);
    }

    /** Whether the provider takes the content's sender and breaks none of its rules. */
    private static boolean takes(Capabilities can, SmsContent content) {
        return senderFits(can, content) && can.refusal(content).isEmpty();
    }

    /** {@link #carries}, the sender aside. */
    private static boolean carriesContent(Capabilities can, SmsContent content) {
        return content.textLength() <= can.maxTextCharacters()
                && (content.premium() == null || can.has(Feature.PREMIUM_BILLING))
                && (!content.isBinary() || can.has(Feature.BINARY))
                && (!content.flash() || can.has(Feature.FLASH))
                && (content.validityMinutes() == null || can.has(Feature.VALIDITY));
    }

    /** Whether the provider takes the content's sender: an alphanumeric one within its length. */
    public static boolean senderFits(Capabilities can, SmsContent content) {
        return content.originator() == null || content.originator().type() != Originator.Type.ALPHANUMERIC
                || content.originator().value().length() <= can.maxSenderCharacters();
    }

    /**
     * The longest alphanumeric sender any route that would otherwise carry this content to this recipient takes, or
     * 0 when there is no such route: what acceptance tells a caller whose sender is what no route takes.
     */
    public int longestSender(long tenantId, Msisdn recipient, SmsContent content) {
        int longest = 0;
        for (Route route : routes()) {
            if (reaches(route, tenantId, recipient, content)) {
                longest = Math.max(longest, route.capabilities().maxSenderCharacters());
            }
        }
        return longest;
    }

    /**
     * The rule by which every route that would otherwise carry this content to this recipient refuses it (the best
     * route's), or empty when one takes it or none reaches the number: what acceptance tells a caller whose content
     * no provider on the way takes.
     */
    public Optional<ContentRule> refusedEverywhere(long tenantId, Msisdn recipient, SmsContent content) {
        List<Route> reaching = new ArrayList<>();
        for (Route route : routes()) {
            if (reaches(route, tenantId, recipient, content) && senderFits(route.capabilities(), content)) {
                reaching.add(route);
            }
        }
        reaching.sort(order(content.providerPreference()));
        Optional<ContentRule> first = Optional.empty();
        for (Route route : reaching) {
            Optional<ContentRule> refusal = route.capabilities().refusal(content);
            if (refusal.isEmpty()) {
                return Optional.empty();
            }
            first = first.or(() -> refusal);
        }
        return first;
    }

    /** The route through this account among the candidates, if any. */
    public static Optional<Route> through(List<Route> candidates, Long accountId) {
        return candidates.stream().filter(r -> accountId != null && r.account().id() == accountId).findFirst();
    }

    /** The enabled accounts the tenant's messages may go through: those its own routes and the general ones name. */
    public List<Account> accountsFor(long tenantId) {
        Map<Long, Account> accountsOf = new LinkedHashMap<>();
        for (Route route : routes()) {
            if (route.tenantId() == null || route.tenantId() == tenantId) {
                accountsOf.putIfAbsent(route.account().id(), route.account());
            }
        }
        return List.copyOf(accountsOf.values());
    }

    /** Forgets the cached routes and accounts, after an operator changed them. */
    public void reload() {
        accounts.reload();
        routes.forget(transaction);
    }

    private List<Route> routes() {
        return routes.get(this::load);
    }

    private List<Route> load() {
        List<Route> loaded = new ArrayList<>();
        for (RouteRule rule : em.createNamedQuery(RouteRule.ALL, RouteRule.class).getResultList()) {
            if (!rule.isEnabled() || !accounts.isEnabled(rule.getAccountId())) {
                continue;
            }
            Account account = accounts.byId(rule.getAccountId()).orElseThrow();
            Money price = rule.getPriceAmount() == null ? null : new Money(rule.getPriceAmount(), rule.getPriceCurrency());
            loaded.add(new Route(rule.getId(), rule.getPrefix(), rule.getTenantId(), account, providers.capabilities(account),
                    rule.getPriority(), rule.isPremium(), rule.isBinary(), price));
        }
        return List.copyOf(loaded);
    }
}
