package com.smshub.provider.smspro;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Minutes;
import com.smshub.kernel.Money;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.SmsContent;
import com.smshub.kernel.Tags;
import com.smshub.provider.smspro.xml.BillingRequest;
import com.smshub.provider.smspro.xml.MobilectrlAliveCheck;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatusRequest;
import com.smshub.provider.smspro.xml.MobilectrlSms;
import com.smshub.provider.smspro.xml.MtHeader;
import com.smshub.provider.smspro.xml.MtPayload;
import com.smshub.provider.smspro.xml.MtSms;
import com.smshub.provider.smspro.xml.RawSms;
import com.smshub.provider.spi.Account;
import com.smshub.kernel.Callback;
import com.smshub.kernel.CallbackAnswer;
import com.smshub.provider.spi.CallbackUrls;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.GroupSending;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.PolledStatus;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.PushReceiving;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;
import com.smshub.provider.spi.StatusPolling;
import com.smshub.provider.spi.SubscriberCharging;

/**
 * SMS Pro / Billing Pro behind the gateway's provider boundary: MT and MTB requests (sections 6, 7), one
 * message a request or, where the account is configured so, up to 100 recipients of one text in one; status
 * requests (6.8) and pushed statuses (6.9) at the message's own callback address; messages from subscribers
 * (8, 9) and premium messages' billing results (7.3) pushed; Billing Pro's debits and credits (10); the
 * keep-alive (11).
 */
@ApplicationScoped
public class SmsProAdapter implements ProviderAdapter, MessageSending, GroupSending, StatusPolling, PushReceiving,
        SubscriberCharging {

    /** SMS Pro / Billing Pro's code: accounts name it, and the contract and the database write it. */
    public static final ProviderCode CODE = ProviderCode.valueOf("SMSPRO");

    /** start_delivery and valid_until are Swedish local time (YYYYMMDDhhmm, table 1). */
    static final ZoneId SMSPRO_TIME_ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    /** Table 1: a longer message is split by SMS Pro itself, 153 characters a part; the contract's limit. */
    static final int MOST_CHARACTERS = 1600;

    @Inject
    SmsProClient client;

    @Inject
    SmsProCallbacks callbacks;

    @Override
    public ProviderCode provider() {
        return CODE;
    }

    @Override
    public Capabilities capabilities(Account account) {
        return Capabilities.builder(MOST_CHARACTERS)
                .sameTextRecipients(SmsProSettings.of(account).recipientsPerRequest())
                .with(Feature.SCHEDULING, Feature.VALIDITY, Feature.BINARY, Feature.FLASH, Feature.PREMIUM_BILLING,
                        Feature.STATUS_POLL, Feature.STATUS_PUSH, Feature.INBOUND, Feature.CHARGING)
                .refusing("tags/subId1", "SMS Pro takes sub ids of printable ASCII (table 1, sub_id_1).",
                        c -> !ascii(c.subId1()))
                .refusing("tags/subId2", "SMS Pro takes sub ids of printable ASCII (table 1, sub_id_2).",
                        c -> !ascii(c.subId2()))
                .refusing("premiumCharge/price", "SMS Pro charges 1 to 500 SEK in whole öre (table 4, premiumrate).",
                        c -> c.premium() != null && !premiumRate(c.premium()))
                .build();
    }

    private static boolean ascii(String value) {
        return value == null || value.chars().allMatch(c -> c >= 32 && c <= 126);
    }

    /** Table 4: SEK, from 1 to 500, in whole öre. */
    private static boolean premiumRate(Money rate) {
        return "SEK".equals(rate.currency()) && rate.amount().compareTo(BigDecimal.ONE) >= 0
                && rate.amount().compareTo(BigDecimal.valueOf(500)) <= 0 && rate.amount().stripTrailingZeros().scale() <= 2;
    }

    @Override
    public void checkSettings(Settings settings) {
        SmsProSettings.of(settings);
    }

    @Override
    public Set<String> secretSettings() {
        return Set.of(SmsProSettings.BASIC_PASSWORD);
    }

    /** The keep-alive of section 11; status 0 is alive (table 12), anything else is not. */
    @Override
    public Liveness probe(Account account) {
        long started = System.nanoTime();
        try {
            MobilectrlAliveCheck check = client.keepAlive(SmsProEndpoint.of(account));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String detail = "status " + check.getStatus() + ": " + check.getMessage();
            return check.getStatus() == 0 ? Liveness.up(took, detail) : Liveness.down(took, detail);
        } catch (SmsProException e) {
            return Liveness.down(Duration.ofNanos(System.nanoTime() - started), e.getMessage());
        }
    }

    /** One MT (or MTB, with a premium charge) request, with its own delivery status address. */
    @Override
    public SendOutcome send(OutboundMessage message, Account account) {
        MobilectrlSms request;
        try {
            request = request(message, account);
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Rejected("UNSUPPORTED", e.getMessage(), true);
        }
        return exchange(request, account, true);
    }

    /**
     * Section 6's batch: one MT request with every recipient in {@code to_msisdn}. SMS Pro then reports no
     * status per recipient, so no delivery address is given and every message gets the request's outcome;
     * one wrong number discards the whole request (which the gateway's own validation of every number makes
     * unlikely).
     */
    @Override
    public List<SendOutcome> sendGroup(List<OutboundMessage> messages, Account account) {
        MobilectrlSms request;
        SendOutcome outcome;
        try {
            request = request(messages, account);
            outcome = exchange(request, account, false);
        } catch (IllegalArgumentException e) {
            outcome = new SendOutcome.Rejected("UNSUPPORTED", e.getMessage(), true);
        }
        return Collections.nCopies(messages.size(), outcome);
    }

    private SendOutcome exchange(MobilectrlSms request, Account account, boolean reportsFollow) {
        try {
            return SmsProCodes.ofResponse(client.send(SmsProEndpoint.of(account), request), reportsFollow);
        } catch (SmsProException e) {
            return switch (e.kind()) {
                case NOT_SENT -> new SendOutcome.Retry(e.getMessage());
                case REFUSED -> new SendOutcome.Rejected("HTTP_" + e.httpStatus(), e.getMessage(), true);
                case AMBIGUOUS -> new SendOutcome.Unknown(e.getMessage());
            };
        }
    }

    /** One request for messages that differ only in their recipient: the first one's, with every recipient. */
    static MobilectrlSms request(List<OutboundMessage> messages, Account account) {
        MobilectrlSms request = request(messages.get(0), account);
        if (messages.get(0).content().premium() != null) {
            throw new IllegalArgumentException("An MTB request takes exactly one recipient (table 4)");
        }
        request.getHeader().setStatusDeliveryUrl(null);
        Object sms = request.getPayload().getSmsOrRawSms().get(0);
        List<String> to = sms instanceof MtSms mt ? mt.getToMsisdn() : ((RawSms) sms).getToMsisdn();
        for (OutboundMessage message : messages.subList(1, messages.size())) {
            if (!message.content().equals(messages.get(0).content())) {
                throw new IllegalArgumentException("Recipients share one request only when they share its content");
            }
            to.add(message.recipient().e164());
        }
        return request;
    }

    /** Recipients share a request only when they share all of its content (section 6: one text, many to_msisdn). */
    @Override
    public Object groupKey(SmsContent content) {
        return content;
    }

    /**
     * Section 6.8: the delivery status of each message by its mobilectrl_id (table 3), one request each; SMS Pro
     * knows no other key, so a message without one is not asked about.
     */
    @Override
    public Map<String, PolledStatus> poll(List<Query> queries, Account account) {
        Map<String, PolledStatus> answers = new LinkedHashMap<>();
        for (Query query : queries) {
            if (query.providerMessageId() != null) {
                status(query.providerMessageId(), account).ifPresent(status -> answers.put(query.messageId(), status));
            }
        }
        return answers;
    }

    private Optional<PolledStatus> status(String providerMessageId, Account account) {
        MobilectrlDeliveryStatusRequest request = new MobilectrlDeliveryStatusRequest();
        request.setCustomerId(account.username());
        MobilectrlDeliveryStatusRequest.StatusFor statusFor = new MobilectrlDeliveryStatusRequest.StatusFor();
        statusFor.setType("mobilectrl_id");
        statusFor.setValue(providerMessageId);
        request.setStatusFor(statusFor);
        try {
            MobilectrlDeliveryStatus answer = client.status(SmsProEndpoint.of(account), request);
            Integer delivery = answer.getDeliveryStatus() == null ? null : answer.getDeliveryStatus().getValue();
            MessageStatus status = SmsProCodes.ofDeliveryStatus(answer.getStatus(), delivery);
            if (status == null) {
                return Optional.empty();
            }
            return Optional.of(new PolledStatus(status, new ProviderReport(CODE,
                    delivery == null ? "" : String.valueOf(delivery), String.valueOf(answer.getStatus()), providerMessageId)));
        } catch (SmsProException e) {
            return Optional.empty();
        }
    }

    /** Billing Pro's carriers of content (table 9), by the contract's names. */
    private static final List<String> CONTENT_TYPES = List.of("MMS", "WAP", "SMS", "WEB", "VOICE", "VIDEO", "LBS");

    /**
     * Section 10: one {@code billing_request}, answered once the operator has. What Billing Pro would refuse
     * (table 9's limits: SEK, 1 to 500 kr in whole öre, 25 % VAT) is declined here with the code table 11
     * gives it, and no request leaves.
     */
    @Override
    public ChargeOutcome charge(Charge charge, Account account) {
        Optional<ChargeOutcome> refused = refused(charge);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return SmsProCodes.ofBilling(client.bill(SmsProEndpoint.of(account), billingRequest(charge, account)));
        } catch (SmsProException e) {
            return switch (e.kind()) {
                case NOT_SENT -> new ChargeOutcome.NotMade(e.getMessage());
                case REFUSED -> new ChargeOutcome.Declined("HTTP_" + e.httpStatus(), e.getMessage(), null, null);
                case AMBIGUOUS -> new ChargeOutcome.Unknown(e.getMessage());
            };
        }
    }

    /** Table 9: sub_id_1 and sub_id_2 are ASCII. */
    @Override
    public Optional<Refusal> refusal(Tags tags) {
        if (tags != null && !ascii(tags.subId1())) {
            return Optional.of(new Refusal("tags/subId1", "Billing Pro takes sub ids of printable ASCII (table 9, sub_id_1)."));
        }
        if (tags != null && !ascii(tags.subId2())) {
            return Optional.of(new Refusal("tags/subId2", "Billing Pro takes sub ids of printable ASCII (table 9, sub_id_2)."));
        }
        return Optional.empty();
    }

    static Optional<ChargeOutcome> refused(Charge charge) {
        if (!"SEK".equals(charge.amount().currency())) {
            return Optional.of(declined(107));
        }
        BigDecimal ore = charge.amount().amount().movePointRight(2);
        if (ore.stripTrailingZeros().scale() > 0 || ore.compareTo(BigDecimal.valueOf(100)) < 0
                || ore.compareTo(BigDecimal.valueOf(50_000)) > 0) {
            return Optional.of(declined(105));
        }
        if (charge.vatPercent() != null && charge.vatPercent().compareTo(BigDecimal.valueOf(25)) != 0) {
            return Optional.of(declined(106));
        }
        return Optional.empty();
    }

    private static ChargeOutcome declined(int code) {
        return new ChargeOutcome.Declined(String.valueOf(code), SmsProCodes.billingReason(code) + " (checked by SMS Hub, not sent)",
                null, null);
    }

    static BillingRequest billingRequest(Charge charge, Account account) {
        BillingRequest request = new BillingRequest();
        BillingRequest.Customer customer = new BillingRequest.Customer();
        customer.setCustomerId(account.username());
        customer.setPassword(account.secret() == null ? "" : account.secret());
        customer.setRequestId(CompactIds.of(charge.reference()));
        if (charge.tags() != null) {
            customer.setSubId1(charge.tags().subId1());
            customer.setSubId2(charge.tags().subId2());
        }
        request.setCustomer(customer);
        BillingRequest.Bill bill = new BillingRequest.Bill();
        bill.setType(charge.credit() ? "credit" : "debit");
        bill.setMsisdn(charge.subscriber().e164());
        bill.setCurrency("SEK");
        bill.setAmount(charge.amount().amount().movePointRight(2).intValueExact());
        bill.setVat(2500);
        int contentType = CONTENT_TYPES.indexOf(charge.contentType() == null ? "SMS" : charge.contentType());
        bill.setContentType(contentType < 0 ? 2 : contentType);
        bill.setDescription(charge.description());
        request.setBill(bill);
        return request;
    }

    @Override
    public Map<String, String> pushPaths() {
        return SmsProCallbacks.PATHS;
    }

    @Override
    public CallbackAnswer receive(Callback callback, Account account, ProviderEvents events) {
        return callbacks.receive(callback, account, events);
    }

    /** Sections 6.1-6.5, 7.1 and 14.6, from the message's content. */
    static MobilectrlSms request(OutboundMessage message, Account account) {
        SmsContent content = message.content();
        MtHeader header = new MtHeader();
        header.setCustomerId(account.username());
        header.setPassword(account.secret() == null ? "" : account.secret());
        header.setRequestId(CompactIds.of(message.messageId()));
        header.setSubId1(content.subId1());
        header.setSubId2(content.subId2());
        Originator originator = content.originator();
        if (originator != null) {
            if (originator.type() == Originator.Type.ALPHANUMERIC) {
                header.setFromAlphanumeric(originator.value());
            } else {
                header.setFromMsisdn(originator.value());
            }
        }
        OffsetDateTime start = content.scheduledAt();
        if (start != null) {
            header.setStartDelivery(minute(Minutes.notBefore(start)));
        }
        if (content.validityMinutes() != null) {
            OffsetDateTime from = start != null ? start : OffsetDateTime.now();
            header.setValidUntil(minute(from.plusMinutes(content.validityMinutes())));
        }
        header.setStatusDeliveryUrl(CallbackUrls.forMessage(account, message.messageId()));

        MtPayload payload = new MtPayload();
        String to = message.recipient().e164();
        Integer msgClass = content.flash() ? 0 : null;
        if (content.isBinary() && content.udhHex() != null) {
            RawSms raw = new RawSms();
            raw.setBinary(true);
            raw.setMsgClass(msgClass);
            raw.setHeader(content.udhHex());
            raw.setMessage(content.binaryHex());
            raw.getToMsisdn().add(to);
            payload.getSmsOrRawSms().add(raw);
        } else {
            MtSms sms = new MtSms();
            sms.setMsgClass(msgClass);
            if (content.isBinary()) {
                sms.setBinary(true);
                sms.setMessage(content.binaryHex());
                sms.setDestinationPort(content.destinationPort());
                sms.setSourcePort(content.sourcePort());
            } else {
                sms.setMessage(content.text());
            }
            if (content.premium() != null) {
                if (!premiumRate(content.premium())) { // refused at acceptance (the content rule); never written
                    throw new IllegalArgumentException("SMS Pro charges 1 to 500 SEK in whole öre (table 4), not "
                            + content.premium().amount() + " " + content.premium().currency());
                }
                sms.setPremiumrate(content.premium().amount());
                sms.setDescription(content.premiumDescription());
            }
            sms.getToMsisdn().add(to);
            payload.getSmsOrRawSms().add(sms);
        }
        MobilectrlSms request = new MobilectrlSms();
        request.setHeader(header);
        request.setPayload(payload);
        return request;
    }

    private static String minute(OffsetDateTime time) {
        return MINUTE.format(time.atZoneSameInstant(SMSPRO_TIME_ZONE));
    }
}
