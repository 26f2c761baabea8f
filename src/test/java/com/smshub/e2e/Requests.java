package com.smshub.e2e;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.xml.datatype.DatatypeFactory;

import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.GetMessageStatus;
import com.smshub.gateway.v1.HealthStatus;
import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.Originator;
import com.smshub.gateway.v1.OriginatorType;
import com.smshub.gateway.v1.Ping;
import com.smshub.gateway.v1.SendSms;

/** Building requests and reading answers of the contract, for the tests. */
final class Requests {

    private Requests() {
    }

    static SendSms text(String text, String... recipients) {
        SendSms request = new SendSms();
        Originator originator = new Originator();
        originator.setType(OriginatorType.ALPHANUMERIC);
        originator.setValue("SMSHUB");
        request.setOriginator(originator);
        request.setText(text);
        request.setClientReference("e2e-" + UUID.randomUUID());
        request.getRecipient().addAll(List.of(recipients));
        return request;
    }

    /** The request, to be sent no earlier than this time. */
    static SendSms scheduled(SendSms request, OffsetDateTime at) {
        // ISO_OFFSET_DATE_TIME writes the seconds always; OffsetDateTime.toString() leaves out ":00", which xsd:dateTime needs
        request.setScheduledAt(DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(
                at.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        return request;
    }

    /** A recipient nobody else uses in this run. */
    static String uniqueRecipient() {
        return "+4670" + String.format("%07d", (int) (Math.random() * 10_000_000));
    }

    static MessageState status(String messageId) {
        GetMessageStatus request = new GetMessageStatus();
        request.getMessageId().add(messageId);
        try {
            return Gateway.demo().getMessageStatus(request).getMessage().get(0);
        } catch (GatewayFault e) {
            throw new AssertionError(e.getFaultInfo().getCode() + ": " + e.getFaultInfo().getMessage(), e);
        }
    }

    /** A provider account's health as Ping tells it (DOWN when Ping does not list it). */
    static HealthStatus accountHealth(String account) {
        try {
            return Gateway.demo().ping(new Ping()).getProviderAccount().stream().filter(a -> a.getAccount().equals(account))
                    .findFirst().map(a -> a.getStatus()).orElse(HealthStatus.DOWN);
        } catch (GatewayFault e) {
            throw new AssertionError(e.getFaultInfo().getCode() + ": " + e.getFaultInfo().getMessage(), e);
        }
    }
}
