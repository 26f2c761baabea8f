package com.smshub.intake.boundary;

import java.util.Locale;
import java.util.Optional;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.smshub.intake.control.PushAuthentication;
import com.smshub.intake.control.ReportGroups;
import com.smshub.intake.entity.PushVerdict;
import com.smshub.kernel.Counters;
import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Account;
import com.smshub.kernel.Callback;
import com.smshub.kernel.CallbackAnswer;
import com.smshub.provider.spi.BillingReport;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.PushReceiving;

/**
 * The one entry point of what providers push ({@code /smshub/callbacks/<provider>/<account>/<key>/...}): a push
 * is first authenticated to its account from its address and headers alone ({@link #authenticate}; nothing of a
 * refused one is read), then handed to its provider's adapter ({@link #receive}), which parses it and hands what
 * it says to the port in one call. That call commits before it returns, and so before the answer goes back: a
 * provider is told "received" only of what is durable, and a provider that hears nothing sends again. Delivery
 * reports, the report path's hottest call, are committed together with those of the pushes that came beside
 * them ({@link ReportGroups}), one transaction a group instead of one a push. A CDI bean: providers are not the
 * tenants EJB security is about.
 */
@ApplicationScoped
public class ProviderCallbacks {

    @Inject
    Providers providers;

    @Inject
    ProviderEvents events;

    @Inject
    PushAuthentication authentication;

    @Inject
    ReportGroups reportGroups;

    /** The port as a push's adapter sees it: its reports go in groups, the rest as they come, each in its own transaction. */
    private final ProviderEvents grouped = new ProviderEvents() {
        @Override
        public List<ReportResult> reports(List<DeliveryReport> reports) {
            return reportGroups.apply(reports);
        }

        @Override
        public void park(DeliveryReport report) {
            events.park(report);
        }

        @Override
        public InboundResult inbound(InboundMessage message) {
            return events.inbound(message);
        }

        @Override
        public InboundResult inboundPart(InboundMessage part, Concatenation concatenation) {
            return events.inboundPart(part, concatenation);
        }

        @Override
        public ReportResult billing(BillingReport report) {
            return events.billing(report);
        }
    };

    /**
     * Whether a push to this address, with these headers, is taken (docs/security.md).
     *
     * @param provider      the provider named in the address
     * @param accountName   the account named in the address
     * @param key           the key in the address
     * @param remoteAddress the address of the connection it came on
     * @param forwardedFor  its {@code X-Forwarded-For} header, or null
     * @param authorization its {@code Authorization} header, or null
     */
    public PushVerdict authenticate(String provider, String accountName, String key, String remoteAddress, String forwardedFor,
            String authorization) {
        if (receiver(provider).isEmpty()) {
            return PushAuthentication.refused(provider, false, 404, "no-such-provider", accountName, remoteAddress);
        }
        return authentication.check(provider, accountName, key, remoteAddress, forwardedFor, authorization);
    }

    /**
     * Hands a push authenticated to the account to its provider's adapter, and commits what it said before
     * returning the answer. Never inside a caller's transaction: the port's calls are each their own, and a
     * group of reports must not commit or roll back with a caller.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CallbackAnswer receive(Account account, Callback callback) {
        PushReceiving receiver = receiver(account.provider().name()).orElseThrow();
        CallbackAnswer answer = receiver.receive(callback, account, grouped);
        if (answer.status() >= 400) {
            Counters.increment("push.answered." + account.provider().name().toLowerCase(Locale.ROOT) + "." + answer.status());
        }
        return answer;
    }

    private Optional<PushReceiving> receiver(String provider) {
        try {
            return providers.capability(ProviderCode.valueOf(provider.toUpperCase(Locale.ROOT)), PushReceiving.class);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
