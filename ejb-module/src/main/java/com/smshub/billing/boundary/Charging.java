package com.smshub.billing.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.billing.control.ChargeBook;
import com.smshub.billing.entity.ChargeCommand;
import com.smshub.billing.entity.ChargeNotMadeException;
import com.smshub.billing.entity.ChargeRecord;
import com.smshub.billing.entity.ChargeState;
import com.smshub.billing.entity.RefundCommand;
import com.smshub.kernel.Counters;
import com.smshub.kernel.Digests;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.NotFoundException;
import com.smshub.kernel.StoreException;
import com.smshub.kernel.Tags;
import com.smshub.metrics.control.GatewayMetrics;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.SubscriberCharging.ChargeOutcome;
import com.smshub.provider.spi.SubscriberCharging;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.routing.control.Router;
import com.smshub.kernel.MessageIds;
import com.smshub.kernel.IdempotencyConflictException;
import com.smshub.kernel.RequestValidationException;
import com.smshub.tenant.control.TenantDirectory;
import com.smshub.tenant.entity.TenantRef;

/**
 * ChargeSubscriber and RefundSubscriber: synchronous, since Billing Pro answers only once the operator has.
 * Exactly once in effect: the charge is recorded and committed under the tenant's client reference before its
 * request leaves, so a retry (concurrent or later, on any node) finds it instead of making another; the answer
 * is committed as soon as it comes. A request that left without an answer is UNKNOWN and is never made again
 * by the gateway; operators reconcile it ({@link ChargeAdministration}). No transaction spans the provider's
 * call: each step commits on its own.
 */
@Stateless
@RolesAllowed("tenant")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Charging {

    private static final Logger LOG = Logger.getLogger(Charging.class.getName());
    private static final Set<String> CONTENT_TYPES = Set.of("MMS", "WAP", "SMS", "WEB", "VOICE", "VIDEO", "LBS");

    @Resource
    SessionContext session;

    @Inject
    TenantDirectory tenants;

    @Inject
    Router router;

    @Inject
    AccountDirectory accounts;

    @Inject
    Providers providers;

    @Inject
    ChargeBook book;

    @Inject
    GatewayMetrics metrics;

    /** Charges a subscriber; the same client reference returns the same charge, never a second one. */
    public ChargeRecord charge(ChargeCommand command) {
        TenantRef tenant = tenants.byUsername(session.getCallerPrincipal().getName());
        String reference = reference(command.clientReference());
        Msisdn subscriber = subscriber(command.msisdn(), tenant);
        Money amount = amount(command.amount(), "amount");
        if (command.description() != null && command.description().length() > 40) {
            throw new RequestValidationException("description", "description is at most 40 characters.");
        }
        String contentType = command.contentType() == null ? "SMS" : command.contentType();
        Tags tags = command.tags() == null ? Tags.NONE : command.tags();
        if (!CONTENT_TYPES.contains(contentType)) {
            throw new RequestValidationException("contentType", "contentType is one of " + CONTENT_TYPES + ".");
        }
        String hash = requestHash(command, subscriber, amount, contentType, tags);
        Optional<ChargeRecord> prior = book.byReference(tenant.id(), reference);
        if (prior.isPresent()) {
            return again(prior.get(), hash);
        }
        List<Account> candidates = router.chargingAccounts(tenant.id(), subscriber,
                providers.served(command.providerPreference(), "providerPreference"));
        if (candidates.isEmpty()) {
            throw new RequestValidationException("msisdn", "No route charges subscribers of " + subscriber.e164()
                    + " for this tenant; operators add a premium route to a provider that charges.");
        }
        Account account = takingTags(candidates, tags);
        ChargeRecord charge = new ChargeRecord(MessageIds.next(), tenant.id(), reference, hash, ChargeRecord.DEBIT, null, null,
                subscriber.e164(), amount, command.vatPercent(), contentType, command.description(), account.provider(),
                account.id(), ChargeState.REQUESTED, null, null, null, null, OffsetDateTime.now(ZoneOffset.UTC), null, null, null,
                tags);
        return begin(charge, hash);
    }

    /**
     * The best account whose provider takes the charge's tags; when none does, the caller's mistake, refused with
     * the field the best one names.
     */
    private Account takingTags(List<Account> candidates, Tags tags) {
        SubscriberCharging.Refusal first = null;
        for (Account account : candidates) {
            Optional<SubscriberCharging.Refusal> refusal = providers.capability(account.provider(), SubscriberCharging.class)
                    .flatMap(charging -> charging.refusal(tags));
            if (refusal.isEmpty()) {
                return account;
            }
            first = first == null ? refusal.get() : first;
        }
        throw new RequestValidationException(first.field(), first.reason());
    }

    /** Refunds (credits) an approved charge, whole or in part; the same client reference returns the same refund. */
    public ChargeRecord refund(RefundCommand command) {
        TenantRef tenant = tenants.byUsername(session.getCallerPrincipal().getName());
        String reference = reference(command.clientReference());
        if (command.description() != null && command.description().length() > 40) {
            throw new RequestValidationException("description", "description is at most 40 characters.");
        }
        ChargeRecord original = book.find(command.chargeId() == null ? "" : command.chargeId())
                .filter(c -> c.tenantId() == tenant.id())
                .orElseThrow(() -> new NotFoundException("chargeId", "No charge " + command.chargeId() + " of this tenant."));
        Money asked = command.amount() == null ? null : amount(command.amount(), "amount");
        String hash = hash("refund", original.id(), asked == null ? "the rest" : asked.amount().toPlainString(),
                asked == null ? null : asked.currency(), command.description());
        Optional<ChargeRecord> prior = book.byReference(tenant.id(), reference);
        if (prior.isPresent()) {
            return again(prior.get(), hash);
        }
        if (ChargeRecord.CREDIT.equals(original.kind()) || original.state() != ChargeState.APPROVED) {
            throw new RequestValidationException("chargeId", "Only an approved charge can be refunded; " + original.id()
                    + " is a " + original.kind() + " " + original.state() + ".");
        }
        Money amount = asked != null ? asked : book.leftToRefund(original);
        if (amount.amount().signum() <= 0) {
            throw new RequestValidationException("chargeId", "Charge " + original.id() + " is refunded in full.");
        }
        if (!amount.currency().equals(original.amount().currency())) {
            throw new RequestValidationException("amount/currency", "A refund is in the charge's currency, "
                    + original.amount().currency() + ".");
        }
        ChargeRecord refund = new ChargeRecord(MessageIds.next(), tenant.id(), reference, hash, ChargeRecord.CREDIT,
                original.id(), null, original.msisdn(), amount, original.vatPercent(), original.contentType(),
                command.description(), original.provider(), original.accountId(), ChargeState.REQUESTED, null, null, null,
                null, OffsetDateTime.now(ZoneOffset.UTC), null, null, null, original.tags());
        return begin(refund, hash);
    }

    /** Records the charge, then makes its request; a concurrent retry that recorded it first is answered instead. */
    private ChargeRecord begin(ChargeRecord charge, String hash) {
        try {
            book.begin(charge);
        } catch (StoreException e) {
            if (e.isDuplicate()) {
                // a concurrent call with this reference recorded it first: the unique key made this one its retry
                Counters.increment("charge.reference-raced");
                return again(book.byReference(charge.tenantId(), charge.clientReference()).orElseThrow(), hash);
            }
            throw e;
        } catch (IllegalStateException e) {
            throw new RequestValidationException("amount", e.getMessage() + ".");
        }
        return request(charge);
    }

    /**
     * A client reference used before: the same request gets the charge as it stands (a REQUESTED one is still
     * on its way: PENDING to the caller), one certainly not made is tried again, a different request is refused.
     */
    private ChargeRecord again(ChargeRecord prior, String hash) {
        if (!prior.requestHash().equals(hash)) {
            throw new IdempotencyConflictException(prior.clientReference());
        }
        if (prior.state() == ChargeState.NOT_MADE) {
            boolean retaken;
            try {
                retaken = book.retake(prior);
            } catch (IllegalStateException e) {
                throw new RequestValidationException("amount", e.getMessage() + ".");
            }
            if (retaken) {
                return request(prior);
            }
            return book.find(prior.id()).orElseThrow();
        }
        return prior;
    }

    private ChargeRecord request(ChargeRecord charge) {
        Account account = accounts.byId(charge.accountId()).orElse(null);
        SubscriberCharging charging = providers.capability(charge.provider(), SubscriberCharging.class).orElse(null);
        ChargeOutcome outcome = account == null || charging == null
                ? new ChargeOutcome.NotMade("The account " + charge.accountId() + " does not charge now (disabled)")
                : charging.charge(new SubscriberCharging.Charge(charge.id(), new Msisdn(charge.msisdn()), charge.amount(),
                        ChargeRecord.CREDIT.equals(charge.kind()), charge.vatPercent(), charge.description(),
                        charge.contentType(), charge.tags()), account);
        boolean settled;
        if (outcome instanceof ChargeOutcome.Approved a) {
            settled = book.settle(charge.id(), ChargeState.APPROVED, a.providerTransactionId(), a.operator(), null, null);
        } else if (outcome instanceof ChargeOutcome.Declined d) {
            settled = book.settle(charge.id(), ChargeState.DECLINED, d.providerTransactionId(), d.operator(), d.code(), d.reason());
        } else if (outcome instanceof ChargeOutcome.Unknown u) {
            LOG.warning(() -> "Charge " + charge.id() + " is UNKNOWN and waits for reconciliation: " + u.reason());
            settled = book.settle(charge.id(), ChargeState.UNKNOWN, null, null, "OUTCOME_UNKNOWN", u.reason());
        } else {
            String reason = ((ChargeOutcome.NotMade) outcome).reason();
            if (book.settle(charge.id(), ChargeState.NOT_MADE, null, null, "NOT_MADE", reason)) {
                metrics.charge(charge.provider().name(), charge.kind(), ChargeState.NOT_MADE.name());
                throw new ChargeNotMadeException("The charge was not made: " + reason + ". Call again with the same clientReference.");
            }
            settled = false;
        }
        if (settled) {
            metrics.charge(charge.provider().name(), charge.kind(), outcome instanceof ChargeOutcome.Approved ? "APPROVED"
                    : outcome instanceof ChargeOutcome.Declined ? "DECLINED" : "UNKNOWN");
        } else {
            // an operator reconciled it while its request was out: both are in the ledger (charge_answer)
            LOG.warning(() -> "The provider's answer to charge " + charge.id() + " (" + outcome + ") came after the charge was "
                    + "settled otherwise; it is journaled beside the charge for the operator to compare");
        }
        return book.find(charge.id()).orElseThrow();
    }

    private static String reference(String clientReference) {
        if (clientReference == null || clientReference.isBlank()) {
            throw new RequestValidationException("clientReference", "clientReference is required: it makes a charge safe to retry.");
        }
        return clientReference;
    }

    private static Msisdn subscriber(String number, TenantRef tenant) {
        try {
            return Msisdn.parse(number, tenant.defaultRegion());
        } catch (InvalidValueException e) {
            throw new RequestValidationException("msisdn", "Not a mobile number: " + e.getMessage());
        }
    }

    private static Money amount(Money amount, String field) {
        if (amount == null || amount.amount().signum() <= 0 || amount.amount().stripTrailingZeros().scale() > 2) {
            throw new RequestValidationException(field, field + " is more than zero, in at most two decimals.");
        }
        return new Money(amount.amount().setScale(2, java.math.RoundingMode.UNNECESSARY), amount.currency());
    }

    /** What a repeat of a charge must match: the request as read, the client reference aside. */
    static String requestHash(ChargeCommand command, Msisdn subscriber, Money amount, String contentType, Tags tags) {
        String[] request = {"charge", subscriber.e164(), amount.amount().toPlainString(), amount.currency(),
            String.valueOf(command.vatPercent()), command.description(), contentType, String.valueOf(command.providerPreference())};
        // the tags are part of the request, hashed only when given: a request without them hashes as it did before them
        return hash(tags.equals(Tags.NONE) ? request : Stream.concat(Arrays.stream(request),
                Stream.of("tags", tags.costCentre(), tags.subId1(), tags.subId2())).toArray(String[]::new));
    }

    /** Every field a repeat must match, each ended by a NUL so that no two requests print alike. */
    private static String hash(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(part).append('\0');
        }
        return Digests.sha256Hex(text.toString());
    }
}
