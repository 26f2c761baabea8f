package com.smshub.inbound.control;

import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.inbound.control.InboundRouting.ServiceKeyword;
import com.smshub.kernel.Counters;
import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Originator;
import com.smshub.kernel.RateLimitedLog;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.sending.boundary.SmsSending;
import com.smshub.sending.control.OptOuts;
import com.smshub.sending.entity.SendCommand;
import com.smshub.tenant.control.TenantDirectory;
import com.smshub.tenant.entity.TenantProfile;

/**
 * What the service keywords do (SMS Pro section 12, for every provider). Answers are ordinary messages of the
 * tenant, accepted in the transaction that stored the keyword (so a keyword delivered twice is answered once),
 * sent from the number the subscriber wrote to and through the provider it came from where a route allows.
 * Only messages that came in authenticated are stored at all (a push to the account's keyed address, an SMPP
 * session the gateway bound, a feed the gateway read), and no number gets more automatic answers an hour than
 * its tenant's cap ({@link AutoReplies}): a forged or runaway stream of keywords sends no SMS on a tenant's bill.
 */
@ApplicationScoped
public class KeywordReplies {

    private static final Logger LOG = Logger.getLogger(KeywordReplies.class.getName());

    /**
     * 12.2: the word that shows whether å and ö survive the whole way; every character of the answer is in
     * GSM 03.38's default alphabet, so it goes as GSM (ISO-8859-1 in SMS Pro's XML) and arrives intact.
     */
    static final String TEST_WORD = "Räksmörgås";

    @Inject
    Subscriptions subscriptions;

    @Inject
    OptOuts optOuts;

    @Inject
    TenantDirectory tenants;

    @Inject
    AutoReplies caps;

    @EJB
    SmsSending sending;

    private static final RateLimitedLog CAPPED = new RateLimitedLog(LOG);

    /**
     * 12.1: the subscriber is on each tenant's opt-out list at once; a tenant with whom it had a subscription
     * ends it and confirms, in a message accepted before the number joined the list (the one message an opted
     * out number gets); a tenant without one sends nothing.
     */
    void stop(long inboundId, InboundMessage message, List<Long> tenantIds) {
        for (long tenantId : tenantIds) {
            TenantProfile tenant = tenants.profile(tenantId);
            if (subscriptions.end(tenantId, message.from())) {
                reply(inboundId, message, tenant, "You are unsubscribed from " + tenant.displayName()
                        + " and will get no more messages from this service.");
            }
            optOuts.add(tenantId, message.from(), "STOP from the subscriber (inbound " + inboundId + ")");
        }
    }

    /** 12.2 and 12.3, for a message routed to a tenant (the tenant's own account or rule). */
    void answer(long inboundId, InboundMessage message, long tenantId, ServiceKeyword keyword) {
        TenantProfile tenant = tenants.profile(tenantId);
        switch (keyword) {
            case TEST -> reply(inboundId, message, tenant, "TEST OK: " + TEST_WORD);
            case INFO -> {
                if (tenant.hasInfo()) {
                    reply(inboundId, message, tenant, info(tenant));
                } else {
                    LOG.warning(() -> "INFO from a subscriber of tenant " + tenant.tenant().username()
                            + " left unanswered: the tenant has no INFO details (README, inbound messages)");
                }
            }
            case STOP -> throw new IllegalArgumentException("STOP is handled by stop()");
        }
    }

    static String info(TenantProfile tenant) {
        StringBuilder text = new StringBuilder(tenant.infoName());
        if (tenant.infoPhone() != null) {
            text.append(", tel ").append(tenant.infoPhone());
        }
        if (tenant.infoContact() != null) {
            text.append(", ").append(tenant.infoContact());
        }
        return text.toString();
    }

    private void reply(long inboundId, InboundMessage message, TenantProfile tenant, String text) {
        SmsContent content = SmsContent.text(text).originator(originator(message.to()))
                .providerPreference(message.provider()).build();
        Msisdn to;
        try {
            to = Msisdn.parse(message.from(), tenant.tenant().defaultRegion());
        } catch (InvalidValueException e) {
            LOG.warning(() -> "No answer to inbound " + inboundId + ": " + message.from() + " is not a number to send to");
            return;
        }
        if (!caps.take(tenant.tenant().id(), to.e164(), tenant.autoRepliesPerHour())) {
            Counters.increment("inbound.auto-reply-capped");
            CAPPED.warn("capped", () -> "No automatic answer to inbound " + inboundId + ": " + to + " had its "
                    + (tenant.autoRepliesPerHour() == null ? AutoReplies.DEFAULT_PER_HOUR : tenant.autoRepliesPerHour())
                    + " of this hour from tenant " + tenant.tenant().username());
            return;
        }
        // the reference makes the answer part of the inbound message: a repeat of this call finds it sent
        sending.sendAs(tenant.tenant(), new SendCommand(SendCommand.Kind.SMS, "smshub-inbound-" + inboundId, null,
                List.of(new SendCommand.Item(null, to.e164(), content))));
    }

    /** The number the subscriber wrote to, as the answer's sender; the account's default where it is no number. */
    static Originator originator(String to) {
        if (to == null) {
            return null;
        }
        if (to.matches("[0-9]{3,8}")) {
            return new Originator(Originator.Type.SHORT_CODE, to);
        }
        if (to.matches("\\+?[0-9]{1,20}")) {
            return new Originator(Originator.Type.NUMERIC, to);
        }
        return null;
    }
}
