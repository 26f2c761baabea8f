package com.smshub.provider.masiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Originator;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.masiv.xml.Response;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.masiv.schema.MasivSchemas;

/** Masiv's requests and codes (HTTP API 4.2) in the gateway's terms. */
class MasivCodesTest {

    private static Response read(String xml) {
        return ProviderXml.of(MasivSchemas.RESPONSE).read(xml, Response.class);
    }

    @Test
    void sendmessageParameters() {
        OutboundMessage message = new OutboundMessage("m1", new Msisdn("+573151234567"), SmsContent.text("x".repeat(161))
                .originator(new Originator(Originator.Type.SHORT_CODE, "3027"))
                .scheduledAt(OffsetDateTime.of(2026, 12, 24, 10, 0, 0, 0, ZoneOffset.UTC)).build());
        Map<String, String> parameters = MasivAdapter.parameters(message, MasivSettings.of(com.smshub.provider.spi.Settings.NONE));
        assertEquals("573151234567", parameters.get("recipient"), "international, without '+'");
        assertEquals("true", parameters.get("longMessage"), "over 160 characters");
        assertEquals("3027", parameters.get("originator"));
        assertEquals("12/24/2026 10:00:00", parameters.get("sendondate"), "MM/DD/YYYY hh:mm:ss");
        assertThrows(IllegalArgumentException.class, () -> MasivAdapter.parameters(new OutboundMessage("m2",
                new Msisdn("+573151234567"), SmsContent.text("x").originator(new Originator(Originator.Type.NUMERIC,
                        "+12345678901234567")).build()), MasivSettings.of(com.smshub.provider.spi.Settings.NONE)),
                "an originator of more than 16 characters");
    }

    @Test
    void everyPartAcceptedIsAcceptedWithItsPartsIds() {
        SendOutcome outcome = MasivAdapter.outcome(read("""
                <response><action>sendmessage</action><data>
                  <acceptreport><statuscode>0</statuscode><statusmessage>Message accepted for delivery</statusmessage>
                    <messageid>35245856</messageid><recipient>573151234567</recipient></acceptreport>
                  <acceptreport><statuscode>0</statuscode><statusmessage>Message accepted for delivery</statusmessage>
                    <messageid>35245857</messageid><recipient>573151234567</recipient></acceptreport>
                </data></response>"""));
        assertEquals(new SendOutcome.Accepted("35245856,35245857", "0"), outcome);
        assertEquals(new SendOutcome.Accepted("35245856", "0"), MasivAdapter.outcome(read("""
                <response><action>sendmessage</action><data>
                  <acceptreport><statuscode>0</statuscode><statusmessage>ok</statusmessage><messageid>35245856</messageid>
                    <recipient>573151234567</recipient></acceptreport>
                  <acceptreport><statuscode>0</statuscode><statusmessage>ok</statusmessage><messageid>35245856</messageid>
                    <recipient>573151234567</recipient></acceptreport>
                </data></response>""")), "the document's example: one id for both parts");
    }

    @Test
    void errorCodesDecideWhetherAnotherRouteMayTry() {
        SendOutcome.Rejected invalid = assertInstanceOf(SendOutcome.Rejected.class, MasivAdapter.outcome(read(
                "<response><action>error</action><data><errorcode>1</errorcode><errormessage>Invalid recipient.</errormessage></data></response>")));
        assertFalse(invalid.failover());
        assertFalse(((SendOutcome.Rejected) MasivCodes.ofError(1160, "Message is too long")).failover());
        for (int account : new int[] {1156, 1157, 1158, 1159, 1164}) {
            assertTrue(((SendOutcome.Rejected) MasivCodes.ofError(account, "")).failover(), "code " + account);
        }
        assertInstanceOf(SendOutcome.Retry.class, MasivCodes.ofError(8734, "General exception"), "retry, then failover");
    }

    @Test
    void getMessageStatuses() {
        for (boolean handset : new boolean[] {true, false}) {
            assertEquals(MessageStatus.SUBMITTED, MasivCodes.ofStatus(0, handset));
            assertEquals(MessageStatus.SUBMITTED, MasivCodes.ofStatus(1, handset));
            assertEquals(MessageStatus.DELIVERED, MasivCodes.ofStatus(3, handset));
            assertEquals(MessageStatus.UNDELIVERED, MasivCodes.ofStatus(4, handset));
            assertEquals(MessageStatus.UNDELIVERED, MasivCodes.ofStatus(5, handset));
            assertEquals(MessageStatus.REJECTED, MasivCodes.ofStatus(6, handset));
            assertEquals(MessageStatus.UNKNOWN, MasivCodes.ofStatus(7, handset));
        }
    }

    @Test
    void deliveredToTheNetworkIsFinalOnlyWhereTheRouteTellsNoMore() {
        // a route that reports the handset: a delivery error (4) may still follow a 2
        assertEquals(MessageStatus.SUBMITTED, MasivCodes.ofStatus(2, true));
        assertEquals(MessageStatus.DELIVERED, MasivCodes.ofStatus(2, false));
    }

    @Test
    void handsetReportsIsOnByDefault() {
        assertTrue(MasivSettings.of(new Settings(Map.of())).handsetReports());
        assertFalse(MasivSettings.of(new Settings(Map.of("handsetReports", "false"))).handsetReports());
    }

    @Test
    void questionsInFlightAreEightByDefaultAndBounded() {
        assertEquals(8, MasivSettings.of(new Settings(Map.of())).questionsInFlight());
        assertEquals(1, MasivSettings.of(new Settings(Map.of("questionsInFlight", "1"))).questionsInFlight());
        assertThrows(RuntimeException.class, () -> MasivSettings.of(new Settings(Map.of("questionsInFlight", "0"))));
        assertThrows(RuntimeException.class, () -> MasivSettings.of(new Settings(Map.of("questionsInFlight", "65"))));
    }

    @Test
    void sendsInFlightAreEightByDefaultBoundedAndMakeTheGroupSize() {
        assertEquals(8, MasivSettings.of(new Settings(Map.of())).sendsInFlight());
        assertEquals(1, MasivSettings.of(new Settings(Map.of("sendsInFlight", "1"))).sendsInFlight());
        assertThrows(RuntimeException.class, () -> MasivSettings.of(new Settings(Map.of("sendsInFlight", "0"))));
        assertThrows(RuntimeException.class, () -> MasivSettings.of(new Settings(Map.of("sendsInFlight", "65"))));
    }
}
