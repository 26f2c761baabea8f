package com.smshub.provider.mobipace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.mobipace.json.SendRequest;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;

/** MOBIPACE's requests, codes and limits (HTTP API 3.0) in the gateway's terms. */
class MobipaceCodesTest {

    private static final MobipaceSettings SETTINGS = MobipaceSettings.of(Settings.of(Map.of("timeZone", "Europe/Moscow",
            "sendWithinHours", "3")));

    @Test
    void aSendCarriesOurIdsAsReferencesAndOneSenderAndTime() {
        SmsContent content = SmsContent.text("Привет").originator(new Originator(Originator.Type.ALPHANUMERIC, "MOBIPACE"))
                .scheduledAt(OffsetDateTime.parse("2026-07-25T15:20:00Z")).build();
        SendRequest request = MobipaceAdapter.request("s-1", List.of(new OutboundMessage("m1", new Msisdn("+79251112233"), content),
                new OutboundMessage("m2", new Msisdn("+79251112234"), content.toBuilder().build())), SETTINGS);
        assertEquals("MOBIPACE", request.sender());
        assertEquals("2026-07-25 18:20", request.scheduledDate(), "as the document's example writes it, in the account's zone");
        assertEquals(3, request.sendWithinHours());
        assertEquals("false", request.isWapPush());
        assertEquals("79251112233", request.messages().get(0).recipient(), "international, without '+'");
        assertEquals("m2", request.messages().get(1).reference());
        SmsContent halfPast = content.toBuilder().scheduledAt(OffsetDateTime.parse("2026-07-25T15:20:30Z")).build();
        assertEquals("2026-07-25 18:21", MobipaceAdapter.request("s-1", List.of(new OutboundMessage("m4",
                new Msisdn("+79251112233"), halfPast)), SETTINGS).scheduledDate(), "no earlier than asked: the next minute");
        assertEquals(new MobipaceAdapter().groupKey(halfPast), new MobipaceAdapter().groupKey(content.toBuilder()
                .scheduledAt(OffsetDateTime.parse("2026-07-25T15:21:00Z")).build()), "one request for one ScheduledDate");
        assertThrows(IllegalArgumentException.class, () -> MobipaceAdapter.request(null, List.of(new OutboundMessage("m3",
                new Msisdn("+79251112233"), SmsContent.text("no sender").build())), SETTINGS), "no registered sender name");
    }

    @Test
    void messagesShareARequestByTheirSenderAndTimeNotTheirText() {
        MobipaceAdapter adapter = new MobipaceAdapter();
        SmsContent one = SmsContent.text("one").originator(new Originator(Originator.Type.ALPHANUMERIC, "A")).build();
        assertEquals(adapter.groupKey(one), adapter.groupKey(one.toBuilder().build()));
        assertEquals(adapter.groupKey(one), adapter.groupKey(SmsContent.text("two").originator(one.originator()).build()));
        assertNotEquals(adapter.groupKey(one), adapter.groupKey(SmsContent.text("one").originator(
                new Originator(Originator.Type.ALPHANUMERIC, "B")).build()));
    }

    @Test
    void requestStatusCodes() {
        assertInstanceOf(SendOutcome.Unknown.class, MobipaceCodes.ofRequestStatus(100, "Unknown"), "resolved by QueryMessages");
        assertFalse(((SendOutcome.Rejected) MobipaceCodes.ofRequestStatus(102, "IncorrectParameter")).failover());
        assertInstanceOf(SendOutcome.Throttled.class, MobipaceCodes.ofRequestStatus(104, "AccessDenied"), "waits, never fails");
        for (int account : new int[] {200, 201, 202, 300, 301, 302}) {
            assertTrue(((SendOutcome.Rejected) MobipaceCodes.ofRequestStatus(account, "")).failover(), "code " + account);
        }
    }

    @Test
    void messageStatusCodes() {
        for (int pending : new int[] {1, 2, 3}) {
            assertEquals(MessageStatus.SUBMITTED, MobipaceCodes.ofMessageStatus(pending));
        }
        for (int refused : new int[] {4, 5, 6, 7, 8, 9, 10, 104}) {
            assertEquals(MessageStatus.REJECTED, MobipaceCodes.ofMessageStatus(refused));
        }
        assertEquals(MessageStatus.DELIVERED, MobipaceCodes.ofMessageStatus(100));
        assertEquals(MessageStatus.UNDELIVERED, MobipaceCodes.ofMessageStatus(101));
        assertEquals(MessageStatus.UNKNOWN, MobipaceCodes.ofMessageStatus(102));
        assertEquals(MessageStatus.UNDELIVERED, MobipaceCodes.ofMessageStatus(103));
    }

    @Test
    void capabilitiesKeepItsLimits() {
        Account account = new Account(1, "ru", ProviderCode.valueOf("MOBIPACE"), "https://api.mobipace.com:444/v3", "u", "p",
                Settings.of(Map.of("messagesPerRequest", "20000", "currency", "RUB")), null);
        var can = new MobipaceAdapter().capabilities(account);
        assertEquals(500, can.maxTextCharacters(), "limitation 3");
        assertEquals(15, can.maxRecipientDigits(), "limitation 2");
        assertEquals(20_000, can.mostPerRequest(false), "limitation 1");
        assertEquals(1, can.window());
        assertTrue(can.has(Feature.ONE_REQUEST_AT_A_TIME) && can.has(Feature.STATUS_BY_REFERENCE));
        assertThrows(InvalidValueException.class, () -> MobipaceSettings.of(Settings.of(Map.of("messagesPerRequest", "20001"))));
        assertThrows(InvalidValueException.class, () -> MobipaceSettings.of(Settings.of(Map.of("currency", "rubles"))));
    }
}
