package com.smshub.provider.smspro;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.provider.AccountThrottle;
import com.smshub.provider.CallbackUrls;
import com.smshub.provider.Liveness;
import com.smshub.provider.OutboundMessage;
import com.smshub.provider.PolledStatus;
import com.smshub.provider.ProviderAdapter;
import com.smshub.provider.ProviderCode;
import com.smshub.provider.SendOutcome;
import com.smshub.provider.entity.ProviderAccount;
import com.smshub.provider.smspro.xml.MobilectrlAliveCheck;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatusRequest;
import com.smshub.provider.smspro.xml.MobilectrlSms;
import com.smshub.provider.smspro.xml.MtHeader;
import com.smshub.provider.smspro.xml.MtPayload;
import com.smshub.provider.smspro.xml.MtSms;
import com.smshub.provider.smspro.xml.RawSms;
import com.smshub.sending.entity.Originator;
import com.smshub.sending.entity.SmsContent;
import com.smshub.status.entity.MessageStatus;
import com.smshub.status.entity.ProviderReport;

/** SMS Pro / Billing Pro behind the gateway's provider interface. */
@ApplicationScoped
public class SmsProAdapter implements ProviderAdapter {

    /** start_delivery and valid_until are Swedish local time (YYYYMMDDhhmm, table 1). */
    static final ZoneId SMSPRO_TIME_ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    @Inject
    SmsProClient client;

    @Inject
    AccountThrottle throttle;

    @Override
    public ProviderCode provider() {
        return ProviderCode.SMSPRO;
    }

    /** The keep-alive of section 11; status 0 is alive (table 12), anything else is not. */
    @Override
    public Liveness probe(ProviderAccount account) {
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

    /** Section 6: one MT request carries at most about 100 recipients of one text. */
    static final int MOST_RECIPIENTS = 100;

    /**
     * One MT (or MTB, with a premium charge) request per message, so that each has its own delivery status.
     */
    @Override
    public SendOutcome send(OutboundMessage message, ProviderAccount account) {
        MobilectrlSms request;
        try {
            request = request(message, account);
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Rejected("UNSUPPORTED", e.getMessage(), true);
        }
        return exchange(request, account, 1);
    }

    /** As configured for the account, at most the 100 section 6 recommends. */
    @Override
    public int recipientsPerRequest(ProviderAccount account) {
        return Math.min(MOST_RECIPIENTS, account.getRecipientsPerRequest());
    }

    /**
     * Section 6's batch: one MT request with every recipient in {@code to_msisdn}. SMS Pro then reports no
     * status per recipient, so no delivery URL is given; one wrong number discards the whole request
     * (which the gateway's own validation of every number makes unlikely).
     */
    @Override
    public SendOutcome sendTogether(List<OutboundMessage> messages, ProviderAccount account) {
        MobilectrlSms request;
        try {
            request = request(messages, account);
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Rejected("UNSUPPORTED", e.getMessage(), true);
        }
        return exchange(request, account, messages.size());
    }

    private SendOutcome exchange(MobilectrlSms request, ProviderAccount account, int recipients) {
        try (AccountThrottle.Permit permit = throttle == null ? () -> { } : throttle.acquire(account, recipients)) {
            if (permit == null) {
                return new SendOutcome.Throttled("account " + account.getName() + " is at its throttling limit");
            }
            return SmsProCodes.ofResponse(client.send(SmsProEndpoint.of(account), request));
        } catch (SmsProException e) {
            return switch (e.kind()) {
                case NOT_SENT -> new SendOutcome.Retry(e.getMessage());
                case REFUSED -> new SendOutcome.Rejected("HTTP", e.getMessage(), true);
                case AMBIGUOUS -> new SendOutcome.Unknown(e.getMessage());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Retry("interrupted before sending");
        }
    }

    /** One request for messages that differ only in their recipient: the first one's, with every recipient. */
    static MobilectrlSms request(List<OutboundMessage> messages, ProviderAccount account) {
        MobilectrlSms request = request(messages.get(0), account);
        if (messages.get(0).content().premium() != null) {
            throw new IllegalArgumentException("An MTB request takes exactly one recipient (table 4)");
        }
        request.getHeader().setStatusDeliveryUrl(null);
        Object sms = request.getPayload().getSmsOrRawSms().get(0);
        List<String> to = sms instanceof MtSms mt ? mt.getToMsisdn() : ((RawSms) sms).getToMsisdn();
        for (OutboundMessage message : messages.subList(1, messages.size())) {
            to.add(message.recipient().e164());
        }
        return request;
    }

    /** Section 6.8: the delivery status of one message by its mobilectrl_id (table 3). */
    @Override
    public java.util.Optional<PolledStatus> poll(String providerMessageId, ProviderAccount account) {
        MobilectrlDeliveryStatusRequest request = new MobilectrlDeliveryStatusRequest();
        request.setCustomerId(account.getUsername());
        MobilectrlDeliveryStatusRequest.StatusFor statusFor = new MobilectrlDeliveryStatusRequest.StatusFor();
        statusFor.setType("mobilectrl_id");
        statusFor.setValue(providerMessageId);
        request.setStatusFor(statusFor);
        try {
            MobilectrlDeliveryStatus answer = client.status(SmsProEndpoint.of(account), request);
            Integer delivery = answer.getDeliveryStatus() == null ? null : answer.getDeliveryStatus().getValue();
            MessageStatus status = SmsProCodes.ofDeliveryStatus(answer.getStatus(), delivery);
            if (status == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new PolledStatus(status, new ProviderReport(ProviderCode.SMSPRO,
                    delivery == null ? "" : String.valueOf(delivery), String.valueOf(answer.getStatus()), providerMessageId)));
        } catch (SmsProException e) {
            return java.util.Optional.empty();
        }
    }

    /** Sections 6.1-6.5, 7.1 and 14.6, from the message's content. */
    static MobilectrlSms request(OutboundMessage message, ProviderAccount account) {
        SmsContent content = message.content();
        MtHeader header = new MtHeader();
        header.setCustomerId(account.getUsername());
        header.setPassword(account.getSecret() == null ? "" : account.getSecret());
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
            header.setStartDelivery(minute(start));
        }
        if (content.validityMinutes() != null) {
            OffsetDateTime from = start != null ? start : OffsetDateTime.now();
            header.setValidUntil(minute(from.plusMinutes(content.validityMinutes())));
        }
        header.setStatusDeliveryUrl(CallbackUrls.of(ProviderCode.SMSPRO, message.messageId()));

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
                if (!"SEK".equals(content.premium().currency())) {
                    throw new IllegalArgumentException("SMS Pro charges in SEK only, not " + content.premium().currency());
                }
                BigDecimal rate = content.premium().amount();
                if (rate.compareTo(BigDecimal.ONE) < 0 || rate.compareTo(BigDecimal.valueOf(500)) > 0) {
                    throw new IllegalArgumentException("SMS Pro premium rates are 1 to 500 SEK (table 4)");
                }
                sms.setPremiumrate(rate);
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
