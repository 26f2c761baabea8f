package com.smshub.provider.smspro;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import com.smshub.kernel.Callback;
import com.smshub.kernel.CallbackAnswer;
import com.smshub.provider.spi.CallbackUrls;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.xml.InvalidProviderXmlException;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/**
 * What SMS Pro pushes to an account's push addresses (docs/providers/smspro.md): messages from subscribers at
 * {@code .../mo} (section 8), premium messages' billing results at {@code .../billing} (7.3), and, section 6.9, a
 * {@code mobilectrl_delivery_status} POSTed to the address the message was sent with,
 * {@code .../status/<messageId>?token=<t>}. The core has authenticated the push to the account (the key in the
 * address, and HTTP Basic and the source's address where the operator set them); here a document must name that
 * account's customer id, and a report the token its message was given (CallbackUrls), so a push touches only
 * that account's messages. Answered 200 once recorded (SMS Pro asks for an HTTP 200 and resends without one),
 * 403 for a document of another customer or a wrong token, 400 for a body that is not the document the path takes.
 */
@ApplicationScoped
public class SmsProCallbacks {

    private static final Logger LOG = Logger.getLogger(SmsProCallbacks.class.getName());
    static final String SOURCE = "SMSPRO_PUSH";
    /** Where SMS Pro is told (in the agreement) to post messages from subscribers (section 8). */
    static final String MO_PATH = "/mo";
    /** Where SMS Pro is told to post premium messages' billing results (section 7.3). */
    static final String BILLING_PATH = "/billing";
    /** Where each message's delivery status goes (6.9), under the message's id. */
    static final String STATUS_PATH = "/status/";

    /** The paths an operator gives SMS Pro for the agreement, with what goes to each. */
    static final Map<String, String> PATHS = Map.of(
            MO_PATH, "messages from subscribers, section 8 (and 9, DNT)",
            BILLING_PATH, "premium messages' billing results, section 7.3");

    private final ProviderXml xml = ProviderXml.of(SmsProSchemas.VOCABULARY);

    CallbackAnswer receive(Callback callback, Account account, ProviderEvents events) {
        String path = callback.path();
        if (!"POST".equals(callback.method())) {
            return CallbackAnswer.notFound("SMS Pro pushes with POST");
        }
        if (MO_PATH.equals(path)) {
            return received(callback, account, events);
        }
        if (BILLING_PATH.equals(path)) {
            return billingResult(callback, account, events);
        }
        if (!path.startsWith(STATUS_PATH) || path.length() == STATUS_PATH.length() || path.indexOf('/', STATUS_PATH.length()) >= 0) {
            return CallbackAnswer.notFound("Expected POST .../mo, .../billing or .../status/{messageId}");
        }
        String messageId = path.substring(STATUS_PATH.length());
        if (!CallbackUrls.verify(account.name(), messageId, callback.parameter("token"))) {
            return CallbackAnswer.refused(403);
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

    /** Whether a document names the account it was pushed to (its customer_id), as SMS Pro writes every one. */
    private static boolean ours(String customerId, Account account) {
        return customerId != null && customerId.strip().equals(account.username());
    }

    /**
     * Section 8: a message from a subscriber, acknowledged in the same exchange with
     * {@code mobilectrl_received_sms_response} (8.3) once it is committed; SMS Pro delivers it again when
     * the answer is missing or faulty, and the repeat is stored once.
     */
    private CallbackAnswer received(Callback callback, Account account, ProviderEvents events) {
        MobilectrlReceivedSms pushed;
        try {
            pushed = xml.read(new ByteArrayInputStream(callback.body()), MobilectrlReceivedSms.class);
        } catch (InvalidProviderXmlException e) {
            LOG.warning(() -> "Rejected SMS Pro MO push: " + e.getMessage());
            return CallbackAnswer.badRequest("Not a mobilectrl_received_sms: " + e.getMessage());
        }
        if (!ours(pushed.getHeader().getCustomerId(), account)) {
            return CallbackAnswer.refused(403);
        }
        InboundMessage message = ReceivedSms.of(pushed, account.id());
        ProviderEvents.InboundResult result = events.inbound(message);
        LOG.fine(() -> "SMS Pro MO " + message.providerMessageId() + ": " + result);
        MobilectrlReceivedSmsResponse answer = new MobilectrlReceivedSmsResponse();
        answer.setCustomerId(account.username());
        answer.setMobilectrlId(pushed.getHeader().getMobilectrlId());
        answer.setStatus(0);
        return CallbackAnswer.ok(SmsProClient.CONTENT_TYPE, xml.write(answer), StandardCharsets.ISO_8859_1);
    }

    /**
     * Section 7.3: the result of a premium message's charge, by the {@code mobilectrl_id} SMS Pro answered the
     * MTB request with, among this account's messages only; acknowledged with HTTP 200 once recorded. A result
     * for a message we do not know (yet: it can come before our commit of the request's answer) is answered 503,
     * and SMS Pro sends it again.
     */
    private CallbackAnswer billingResult(Callback callback, Account account, ProviderEvents events) {
        ContentBillingResult pushed;
        try {
            pushed = xml.read(new ByteArrayInputStream(callback.body()), ContentBillingResult.class);
        } catch (InvalidProviderXmlException e) {
            LOG.warning(() -> "Rejected SMS Pro billing result: " + e.getMessage());
            return CallbackAnswer.badRequest("Not a content_billing_result: " + e.getMessage());
        }
        if (!ours(pushed.getCustomerId(), account)) {
            return CallbackAnswer.refused(403);
        }
        String id = pushed.getMobilectrlId().strip();
        int status = pushed.getStatus().getValue();
        BillingReport.Outcome outcome = SmsProCodes.ofContentBilling(status, pushed.getStatus().isPending());
        String operator = pushed.getMessage() == null ? null : pushed.getMessage().getOperator();
        String reason = outcome == BillingReport.Outcome.DECLINED ? SmsProCodes.billingReason(pushed.getStatuscode())
                : pushed.getMessage() == null ? null : pushed.getMessage().getValue();
        BillingReport report = new BillingReport(MessageRef.theirs(account, id), outcome,
                outcome == BillingReport.Outcome.DECLINED ? String.valueOf(pushed.getStatuscode()) : null, reason,
                new ProviderReport(SmsProAdapter.CODE, String.valueOf(pushed.getStatuscode()), String.valueOf(status), id),
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
        ProviderReport raw = new ProviderReport(SmsProAdapter.CODE, delivery == null ? "" : String.valueOf(delivery),
                String.valueOf(pushed.getStatus()), pushed.getMobilectrlId() == null ? null : pushed.getMobilectrlId().strip());
        return Optional.of(new DeliveryReport(MessageRef.ours(messageId), status, raw, SOURCE));
    }
}
