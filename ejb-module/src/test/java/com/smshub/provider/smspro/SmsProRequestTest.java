package com.smshub.provider.smspro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.smspro.xml.MobilectrlResponse;
import com.smshub.provider.smspro.xml.MobilectrlSms;
import com.smshub.provider.smspro.xml.MtSms;
import com.smshub.provider.smspro.xml.RawSms;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.CallbackUrls;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/** The MT requests the adapter writes (sections 6.1-6.5, 7.1, 14.6) validate against xsd/smspro and say what was asked. */
class SmsProRequestTest {

    private static final Account ACCOUNT = new Account(1, "se", ProviderCode.valueOf("SMSPRO"),
            "https://sms-pro.net:44343/services/CUSTOMER", "CUSTOMER", "xxxxxxxx", Settings.NONE, null, "k3y");
    private static final String ID = UUID.randomUUID().toString();

    static {
        CallbackUrls.configure("https://gateway.example/smshub/callbacks/", "a-test-secret-of-some-length".getBytes());
    }

    private static SmsContent text(String text, Originator originator, boolean flash, Money premium) {
        return SmsContent.text(text).originator(originator).flash(flash).premium(premium, premium == null ? null : "Ticket")
                .tags("cc", "Department", "Group").build();
    }

    private static MobilectrlSms written(SmsContent content) {
        MobilectrlSms request = SmsProAdapter.request(new OutboundMessage(ID, new Msisdn("+46708331536"), content), ACCOUNT);
        ProviderXml xml = ProviderXml.of(SmsProSchemas.VOCABULARY);
        return xml.read(xml.write(request), MobilectrlSms.class); // validates against the schema on both ways
    }

    @Test
    void recipientsOfOneTextGoInOneRequestWithoutPerMessageCallback() {
        SmsContent content = text("To all", null, false, null);
        java.util.List<OutboundMessage> messages = List.of(
                new OutboundMessage(ID, new Msisdn("+46708331536"), content),
                new OutboundMessage(UUID.randomUUID().toString(), new Msisdn("+46708331537"), content),
                new OutboundMessage(UUID.randomUUID().toString(), new Msisdn("+46708331538"), content));
        ProviderXml xml = ProviderXml.of(SmsProSchemas.VOCABULARY);
        MobilectrlSms sms = xml.read(xml.write(SmsProAdapter.request(messages, ACCOUNT)), MobilectrlSms.class);

        MtSms mt = (MtSms) sms.getPayload().getSmsOrRawSms().get(0);
        assertEquals(List.of("+46708331536", "+46708331537", "+46708331538"), mt.getToMsisdn());
        assertEquals(ID, CompactIds.messageId(sms.getHeader().getRequestId()), "the group is named after its first message");
        assertNull(sms.getHeader().getStatusDeliveryUrl(), "section 6: no status per recipient of a batch");
        assertThrows(IllegalArgumentException.class, () -> SmsProAdapter.request(List.of(
                new OutboundMessage(ID, new Msisdn("+46708331536"), text("Pay", null, false, new Money(BigDecimal.TEN, "SEK"))),
                new OutboundMessage(ID, new Msisdn("+46708331537"), text("Pay", null, false, new Money(BigDecimal.TEN, "SEK")))),
                ACCOUNT), "table 4: one recipient an MTB request");
    }

    @Test
    void textWithAlphanumericOriginatorAndCallback() {
        MobilectrlSms sms = written(text("Hello", new Originator(Originator.Type.ALPHANUMERIC, "MARKETPLACE"), false, null));
        assertEquals("CUSTOMER", sms.getHeader().getCustomerId());
        assertEquals("MARKETPLACE", sms.getHeader().getFromAlphanumeric());
        assertEquals("Department", sms.getHeader().getSubId1());
        assertEquals(ID, CompactIds.messageId(sms.getHeader().getRequestId()), "request_id carries our message id");
        assertTrue(sms.getHeader().getRequestId().length() <= 30, "table 1: max 30 chars");
        assertEquals("https://gateway.example/smshub/callbacks/smspro/se/k3y/status/" + ID + "?token="
                + CallbackUrls.token("se", ID), sms.getHeader().getStatusDeliveryUrl());
        MtSms mt = (MtSms) sms.getPayload().getSmsOrRawSms().get(0);
        assertEquals("Hello", mt.getMessage());
        assertEquals("+46708331536", mt.getToMsisdn().get(0));
        assertEquals(1, mt.getMsgClass(), "the default class, table 1");
    }

    @Test
    void flashIsMessageClassZero() {
        MtSms mt = (MtSms) written(text("Now", null, true, null)).getPayload().getSmsOrRawSms().get(0);
        assertEquals(0, mt.getMsgClass(), "section 14.6");
    }

    @Test
    void numericOriginatorAndSchedule() {
        SmsContent content = SmsContent.text("Later").originator(new Originator(Originator.Type.NUMERIC, "+46734252604"))
                .scheduledAt(OffsetDateTime.parse("2026-12-24T09:15:00Z")).validityMinutes(180).build();
        MobilectrlSms sms = written(content);
        assertEquals("+46734252604", sms.getHeader().getFromMsisdn());
        assertEquals("202612241015", sms.getHeader().getStartDelivery(), "Swedish local time, YYYYMMDDhhmm");
        assertEquals("202612241315", sms.getHeader().getValidUntil());
        assertEquals("202612241016", written(content.toBuilder().scheduledAt(OffsetDateTime.parse("2026-12-24T09:15:20Z")).build())
                .getHeader().getStartDelivery(), "minutes only: the next one, never before the time asked");
    }

    @Test
    void premiumIsAnMtbRequest() {
        MtSms mt = (MtSms) written(text("Ticket", null, false, new Money(new BigDecimal("19.95"), "SEK")))
                .getPayload().getSmsOrRawSms().get(0);
        assertEquals(0, new BigDecimal("19.95").compareTo(mt.getPremiumrate()));
        assertEquals("Ticket", mt.getDescription());
        assertThrows(IllegalArgumentException.class, () -> SmsProAdapter.request(new OutboundMessage(ID,
                new Msisdn("+46708331536"), text("x", null, false, new Money(BigDecimal.TEN, "EUR"))), ACCOUNT));
    }

    @Test
    void binaryWithPortsOrWithAHeader() {
        SmsContent ports = SmsContent.binary("024A3A5505").ports(5505, null).build();
        MtSms mt = (MtSms) written(ports).getPayload().getSmsOrRawSms().get(0);
        assertTrue(mt.isBinary());
        assertEquals(5505, mt.getDestinationPort());
        SmsContent udh = SmsContent.binary("024A3A5505").udh("06050415811581").build();
        RawSms raw = (RawSms) written(udh).getPayload().getSmsOrRawSms().get(0);
        assertEquals("06050415811581", raw.getHeader(), "section 6.5");
    }

    @Test
    void responseStatusDecidesTheOutcome() {
        MobilectrlResponse response = new MobilectrlResponse();
        response.setMobilectrlId(" 57:5aa434:eac0a56a0b:-7ffe");
        response.setStatus(0);
        response.setMessage("The MT SMS request is being processed.");
        assertEquals(new SendOutcome.Accepted("57:5aa434:eac0a56a0b:-7ffe", "0", true), SmsProCodes.ofResponse(response, true));
        assertEquals(new SendOutcome.Accepted("57:5aa434:eac0a56a0b:-7ffe", "0", false), SmsProCodes.ofResponse(response, false),
                "section 6: no report follows for a request of several recipients");
        response.setStatus(-2);
        SendOutcome refused = SmsProCodes.ofResponse(response, true);
        assertTrue(refused instanceof SendOutcome.Rejected r && !r.failover(), "table 12: -2 is final");
        response.setStatus(1);
        assertTrue(SmsProCodes.ofResponse(response, true) instanceof SendOutcome.Rejected r && r.failover());
    }

    @Test
    void table3() {
        assertEquals(MessageStatus.DELIVERED, SmsProCodes.ofDeliveryStatus(0, 0));
        assertEquals(MessageStatus.SUBMITTED, SmsProCodes.ofDeliveryStatus(0, 1));
        assertEquals(MessageStatus.SUBMITTED, SmsProCodes.ofDeliveryStatus(0, 2));
        assertEquals(MessageStatus.UNKNOWN, SmsProCodes.ofDeliveryStatus(0, -1));
        assertEquals(MessageStatus.UNDELIVERED, SmsProCodes.ofDeliveryStatus(0, -2));
        assertNull(SmsProCodes.ofDeliveryStatus(0, -3));
        assertNull(SmsProCodes.ofDeliveryStatus(-2, null));
    }

    @Test
    void callbackTokensAreBoundToTheMessageAndItsAccount() {
        String other = UUID.randomUUID().toString();
        assertTrue(CallbackUrls.verify("se", ID, CallbackUrls.token("se", ID)));
        assertTrue(!CallbackUrls.verify("se", other, CallbackUrls.token("se", ID)));
        assertTrue(!CallbackUrls.verify("no", ID, CallbackUrls.token("se", ID)), "another account's message");
        assertTrue(!CallbackUrls.verify("se", ID, null));
    }
}
