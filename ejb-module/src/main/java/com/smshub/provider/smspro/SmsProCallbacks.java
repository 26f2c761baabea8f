package com.smshub.provider.smspro;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
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
 * What SMS Pro pushes to the gateway. Section 6.9: a {@code mobilectrl_delivery_status} POSTed to the address
 * the message was sent with, {@code /callbacks/smspro/<messageId>?token=<t>}; the token (CallbackUrls) is what
 * authenticates it, and it names our message even when the {@code mobilectrl_id} never reached us. Answered
 * 200 once recorded (SMS Pro asks for an HTTP 200 and resends without one), 403 for a wrong token, 400 for a
 * body that is not a delivery status.
 */
@ApplicationScoped
public class SmsProCallbacks {

    private static final Logger LOG = Logger.getLogger(SmsProCallbacks.class.getName());
    static final String SOURCE = "SMSPRO_PUSH";

    private final ProviderXml xml = ProviderXml.of(ProviderVocabulary.SMSPRO);

    CallbackAnswer receive(Callback callback, ProviderEvents events) {
        String path = callback.path();
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
