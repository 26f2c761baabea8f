package com.smshub.provider.smspro;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.provider.smspro.xml.ContentBillingResult;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
import com.smshub.provider.smspro.xml.MobilectrlReceivedSms;
import com.smshub.provider.smspro.xml.MobilectrlReceivedSmsResponse;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.BillingReport;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.Callback;
import com.smshub.provider.spi.CallbackAnswer;
import com.smshub.provider.spi.CallbackUrls;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.xml.InvalidProviderXmlException;
import com.smshub.provider.xml.ProviderVocabulary;
import com.smshub.provider.xml.ProviderXml;

/**
 * What SMS Pro pushes to the gateway: messages from subscribers at {@code /callbacks/smspro/mo} (section 8),
 * premium messages' billing results at {@code /callbacks/smspro/billing} (7.3), and, section 6.9, a {@code mobilectrl_delivery_status} POSTed to the address
 * the message was sent with, {@code /callbacks/smspro/<messageId>?token=<t>}; the token (CallbackUrls) is what
 * authenticates it, and it names our message even when the {@code mobilectrl_id} never reached us. Answered
 * 200 once recorded (SMS Pro asks for an HTTP 200 and resends without one), 403 for a wrong token, 400 for a
 * body that is not a delivery status.
 */
@ApplicationScoped
public class SmsProCallbacks {

    private static final Logger LOG = Logger.getLogger(SmsProCallbacks.class.getName());
    static final String SOURCE = "SMSPRO_PUSH";
    /** Where SMS Pro is told (in the agreement) to post messages from subscribers (section 8). */
    static final String MO_PATH = "/mo";
    /** Where SMS Pro is told to post premium messages' billing results (section 7.3). */
    static final String BILLING_PATH = "/billing";

    private final ProviderXml xml = ProviderXml.of(ProviderVocabulary.SMSPRO);

    CallbackAnswer receive(Callback callback, ProviderEvents events) {
        String path = callback.path();
        if ("POST".equals(callback.method()) && MO_PATH.equals(path)) {
            return received(callback, events);
        }
        if ("POST".equals(callback.method()) && BILLING_PATH.equals(path)) {
            return billingResult(callback, events);
        }
        if (!"POST".equals(callback.method()) || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            return CallbackAnswer.notFound("Expected POST /callbacks/smspro/{messageId}");
        }
        String messageId = path.substring(1);
        if (!CallbackUrls.verify(messageId, callback.parameter("token"))) {
            return CallbackAnswer.forbidden("Wrong token for this message");
        }
        MobilectrlDeliveryStatus pushed;
        try {
            pushed = xml.read(new ByteArrayInputStream(callback.body()), MobilectrlDeliveryStatus.class);
        } catch (InvalidProviderXmlException e) {
            LOG.warning(() -> "Rejected SMS Pro report for " + messageId + ": " + e.getMessage());
            return CallbackAnswer.badRequest("Not a mobilectrl_delivery_status: " + e.getMessage());
        }
        report(messageId, pushed).ifPresent(report -> events.reports(List.of(report)));
        return CallbackAnswer.ok();
    }

    /**
     * Section 8: a message from a subscriber, acknowledged in the same exchange with
     * {@code mobilectrl_received_sms_response} (8.3) once it is committed; SMS Pro delivers it again when
     * the answer is missing or faulty, and the repeat is stored once. The {@code customer_id} must be one of
     * our SMS Pro accounts (403 otherwise).
     */
    private CallbackAnswer received(Callback callback, ProviderEvents events) {
        MobilectrlReceivedSms pushed;
        try {
            pushed = xml.read(new ByteArrayInputStream(callback.body()), MobilectrlReceivedSms.class);
        } catch (InvalidProviderXmlException e) {
            LOG.warning(() -> "Rejected SMS Pro MO push: " + e.getMessage());
            return CallbackAnswer.badRequest("Not a mobilectrl_received_sms: " + e.getMessage());
        }
        String customer = pushed.getHeader().getCustomerId() == null ? "" : pushed.getHeader().getCustomerId().strip();
        Optional<Account> account = events.account(ProviderCode.SMSPRO, customer);
        if (account.isEmpty()) {
            return CallbackAnswer.forbidden("No SMS Pro account with customer_id " + customer);
        }
        InboundMessage message = ReceivedSms.of(pushed, account.get().id());
        ProviderEvents.InboundResult result = events.inbound(message);
        LOG.fine(() -> "SMS Pro MO " + message.providerMessageId() + ": " + result);
        MobilectrlReceivedSmsResponse answer = new MobilectrlReceivedSmsResponse();
        answer.setCustomerId(customer);
        answer.setMobilectrlId(pushed.getHeader().getMobilectrlId());
        answer.setStatus(0);
        return CallbackAnswer.ok(SmsProClient.CONTENT_TYPE, xml.write(answer), StandardCharsets.ISO_8859_1);
    }

    /**
     * Section 7.3: the result of a premium message's charge, by the {@code mobilectrl_id} SMS Pro answered the
     * MTB request with; acknowledged with HTTP 200 once recorded. A result for a message we do not know (yet:
     * it can come before our commit of the request's answer) is answered 503, and SMS Pro sends it again.
     */
    private CallbackAnswer billingResult(Callback callback, ProviderEvents events) {
        ContentBillingResult pushed;
        try {
            pushed = xml.read(new ByteArrayInputStream(callback.body()), ContentBillingResult.class);
        } catch (InvalidProviderXmlException e) {
            LOG.warning(() -> "Rejected SMS Pro billing result: " + e.getMessage());
            return CallbackAnswer.badRequest("Not a content_billing_result: " + e.getMessage());
        }
        String customer = pushed.getCustomerId() == null ? "" : pushed.getCustomerId().strip();
        if (events.account(ProviderCode.SMSPRO, customer).isEmpty()) {
            return CallbackAnswer.forbidden("No SMS Pro account with customer_id " + customer);
        }
        String id = pushed.getMobilectrlId().strip();
        int status = pushed.getStatus().getValue();
        BillingReport.Outcome outcome = SmsProCodes.ofContentBilling(status, pushed.getStatus().isPending());
        String operator = pushed.getMessage() == null ? null : pushed.getMessage().getOperator();
        String reason = outcome == BillingReport.Outcome.DECLINED ? SmsProCodes.billingReason(pushed.getStatuscode())
                : pushed.getMessage() == null ? null : pushed.getMessage().getValue();
        BillingReport report = new BillingReport(MessageRef.theirs(ProviderCode.SMSPRO, id), outcome,
                outcome == BillingReport.Outcome.DECLINED ? String.valueOf(pushed.getStatuscode()) : null, reason,
                new ProviderReport(ProviderCode.SMSPRO, String.valueOf(pushed.getStatuscode()), String.valueOf(status), id),
                operator == null || operator.isBlank() ? null : operator.strip());
        if (events.billing(report) == ProviderEvents.ReportResult.UNKNOWN_MESSAGE) {
            // it can overtake our commit of the MTB request's answer; SMS Pro sends it again without a 200
            LOG.info(() -> "SMS Pro billing result for mobilectrl_id " + id + " not known yet: answered 503");
            return CallbackAnswer.retryLater("No message with mobilectrl_id " + id + " yet");
        }
        return CallbackAnswer.ok();
    }

    /** Table 3 in the gateway's terms; empty for a report that changes nothing (an error at SMS Pro). */
    static Optional<DeliveryReport> report(String messageId, MobilectrlDeliveryStatus pushed) {
        Integer delivery = pushed.getDeliveryStatus() == null ? null : pushed.getDeliveryStatus().getValue();
        MessageStatus status = SmsProCodes.ofDeliveryStatus(pushed.getStatus(), delivery);
        if (status == null) {
            LOG.info(() -> "SMS Pro report for " + messageId + " changes nothing: status " + pushed.getStatus());
            return Optional.empty();
        }
        ProviderReport raw = new ProviderReport(ProviderCode.SMSPRO, delivery == null ? "" : String.valueOf(delivery),
                String.valueOf(pushed.getStatus()), pushed.getMobilectrlId() == null ? null : pushed.getMobilectrlId().strip());
        return Optional.of(new DeliveryReport(MessageRef.ours(messageId), status, raw, SOURCE));
    }
}
