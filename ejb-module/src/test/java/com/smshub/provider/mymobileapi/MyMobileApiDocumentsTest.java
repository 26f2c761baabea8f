package com.smshub.provider.mymobileapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.mymobileapi.xml.Senddata;
import com.smshub.provider.mymobileapi.xml.sendresult.ApiResult;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;
import com.smshub.provider.spi.StatusFeed;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.mymobileapi.schema.MyMobileApiSchemas;

/** The documents the adapter writes (they validate against xsd/mymobileapi) and how it reads MyMobileAPI's answers. */
class MyMobileApiDocumentsTest {

    private static final ZoneId SOUTH_AFRICA = ZoneId.of("Africa/Johannesburg");
    private static final String FIRST = UUID.randomUUID().toString();
    private static final String SECOND = UUID.randomUUID().toString();

    private static List<OutboundMessage> messages() {
        return List.of(new OutboundMessage(FIRST, new Msisdn("+27832297941"), SmsContent.text("Hello").originator(
                        new Originator(Originator.Type.ALPHANUMERIC, "SMSHUB")).validityMinutes(90).build()),
                new OutboundMessage(SECOND, new Msisdn("+27832297942"), SmsContent.text("Later")
                        .scheduledAt(OffsetDateTime.parse("2026-12-24T07:15:00Z")).build()));
    }

    @Test
    void oneEntryPerMessageWithOurIdAsCustomerid() {
        ProviderXml xml = ProviderXml.of(MyMobileApiSchemas.REQUESTS);
        Senddata senddata = xml.read(xml.write(MyMobileApiAdapter.senddata(messages(), SOUTH_AFRICA,
                OffsetDateTime.parse("2026-12-02T08:05:00Z"), true)), Senddata.class); // validated both ways
        assertEquals("True", senddata.getSettings().getLive());
        assertEquals("02/Dec/2026", senddata.getSettings().getDefaultDate(), "dd/MMM/yyyy, in the account's zone");
        assertEquals("10:05", senddata.getSettings().getDefaultTime());
        assertEquals("True", senddata.getSettings().getReturnEntriesFailedStatus(), "failures per entry");
        assertEquals(2, senddata.getEntries().size());
        assertEquals("27832297941", senddata.getEntries().get(0).getNumto());
        assertEquals(FIRST, senddata.getEntries().get(0).getCustomerid());
        assertEquals("SMSHUB", senddata.getEntries().get(0).getSenderid());
        assertEquals(2, senddata.getEntries().get(0).getValidityperiod(), "90 minutes: two hours, rounded up");
        assertEquals("24/Dec/2026", senddata.getEntries().get(1).getDate());
        assertEquals("09:15", senddata.getEntries().get(1).getTime());
    }

    @Test
    void aScheduledTimeBetweenMinutesGoesAtTheNextMinuteNeverEarlier() {
        List<OutboundMessage> halfPast = List.of(new OutboundMessage(SECOND, new Msisdn("+27832297942"), SmsContent.text("Later")
                .scheduledAt(OffsetDateTime.parse("2026-12-24T07:15:30Z")).build()));
        Senddata senddata = MyMobileApiAdapter.senddata(halfPast, SOUTH_AFRICA, OffsetDateTime.parse("2026-12-02T08:05:00Z"), true);
        assertEquals("09:16", senddata.getEntries().get(0).getTime(), "HH:mm: 09:15:30 is no earlier than 09:16");
    }

    private static ApiResult answer(String xml) {
        return ProviderXml.of(MyMobileApiSchemas.SEND_RESULT).read(xml, ApiResult.class);
    }

    @Test
    void eachEntryHasItsOwnOutcome() {
        ApiResult result = answer("""
                <api_result>
                  <entries_failed><numto>27832297942</numto><customerid>%s</customerid><reason>numto invalid</reason></entries_failed>
                  <entries_success><numto>27832297941</numto><customerid>%s</customerid></entries_success>
                  <send_info><eventid>27105067</eventid><credits>39763</credits></send_info>
                  <call_result><result>True</result><error/></call_result>
                </api_result>""".formatted(SECOND, FIRST));
        List<SendOutcome> outcomes = MyMobileApiAdapter.outcomes(messages(), result);
        assertEquals(new SendOutcome.Accepted("27105067", "success"), outcomes.get(0));
        SendOutcome.Rejected refused = assertInstanceOf(SendOutcome.Rejected.class, outcomes.get(1));
        assertFalse(refused.failover(), "a number MyMobileAPI will never take: no other route either");
    }

    @Test
    void aFailedEntryWithoutItsIdIsFoundByItsNumberAndOneNamedNowhereIsUnknown() {
        ApiResult result = answer("""
                <api_result>
                  <entries_failed><numto>27832297941</numto><customerid/><reason>senderid invalid</reason></entries_failed>
                  <send_info><eventid>1</eventid></send_info>
                  <call_result><result>True</result><error/></call_result>
                </api_result>""");
        List<SendOutcome> outcomes = MyMobileApiAdapter.outcomes(messages(), result);
        assertTrue(((SendOutcome.Rejected) outcomes.get(0)).failover(), "a sender id this account may not use: another may");
        assertInstanceOf(SendOutcome.Unknown.class, outcomes.get(1), "neither accepted nor refused: never sent again blindly");
    }

    @Test
    void aRefusedCallRefusesEveryEntryForTheAccount() {
        ApiResult result = answer("<api_result><call_result><result>False</result><error>Invalid Username or Password</error>"
                + "</call_result></api_result>");
        for (SendOutcome outcome : MyMobileApiAdapter.outcomes(messages(), result)) {
            SendOutcome.Rejected refused = assertInstanceOf(SendOutcome.Rejected.class, outcome);
            assertTrue(refused.failover());
            assertTrue(refused.reason().contains("Invalid Username"), refused.reason());
        }
    }

    @Test
    void theSentFeedNamesOurMessagesAndMovesItsCursorToTheLastChange() {
        var result = ProviderXml.of(MyMobileApiSchemas.SENT_RESULT).read("""
                <api_result>
                  <data><changeid>41</changeid><sentid>900</sentid><customerid>%s</customerid><status>DELIVRD</status></data>
                  <data><changeid>42</changeid><sentid>901</sentid><customerid/><status>UNDELIV</status></data>
                  <data><changeid>43</changeid><sentid>902</sentid><customerid>%s</customerid><status>ACCEPTD</status></data>
                  <call_result><result>True</result><error/></call_result>
                </api_result>""".formatted(FIRST, SECOND), com.smshub.provider.mymobileapi.xml.sentresult.ApiResult.class);
        StatusFeed.Page page = MyMobileApiAdapter.page("40", result.getData());
        assertEquals("43", page.cursor());
        assertFalse(page.more(), "three of at most a hundred: the feed is read up");
        assertEquals(MessageRef.ours(FIRST), page.reports().get(0).message());
        assertEquals(MessageStatus.DELIVERED, page.reports().get(0).status());
        assertEquals(MessageRef.theirs(ProviderCode.valueOf("MYMOBILEAPI"), "901"), page.reports().get(1).message(),
                "no customerid: matched by MyMobileAPI's own id");
        assertEquals(MessageStatus.UNKNOWN, page.reports().get(2).status(), "any other value: UNKNOWN, raw kept");
        assertEquals("ACCEPTD", page.reports().get(2).report().rawStatus());
    }

    @Test
    void capabilitiesAndSettings() {
        MyMobileApiAdapter adapter = new MyMobileApiAdapter();
        Account account = new Account(1, "za", ProviderCode.valueOf("MYMOBILEAPI"), "https://legacy.mymobileapi.com/api5/api.asmx", "u", "p",
                Settings.of(Map.of("messagesPerRequest", "250")), null);
        assertEquals(250, adapter.capabilities(account).mostPerRequest(false), "entries each with their own text");
        assertTrue(adapter.capabilities(account).has(Feature.STATUS_FEED));
        assertThrows(InvalidValueException.class, () -> adapter.checkSettings(Settings.of(Map.of("messagesPerRequest", "501"))));
        assertThrows(InvalidValueException.class, () -> adapter.checkSettings(Settings.of(Map.of("timeZone", "Mars/Olympus"))));
        assertThrows(InvalidValueException.class, () -> adapter.checkSettings(Settings.of(Map.of("creditPrice", "0.35"))));
        assertFalse(adapter.quotes(account), "no credit price: the route's price table answers");
        Account priced = new Account(1, "za", ProviderCode.valueOf("MYMOBILEAPI"), "https://legacy.mymobileapi.com/api5/api.asmx", "u", "p",
                Settings.of(Map.of("creditPrice", "0.35 ZAR")), null);
        assertTrue(adapter.quotes(priced));
    }

    @Test
    void aPriceIsTheCreditsEachMessageWouldUseAtTheCreditPrice() {
        ApiResult result = answer("""
                <api_result>
                  <entries_success><numto>27832297941</numto><customerid>a</customerid></entries_success>
                  <entries_success><numto>27832297942</numto><customerid>b</customerid></entries_success>
                  <send_info><eventid>0</eventid><msgs_credits_used>6</msgs_credits_used><msgs_success>2</msgs_success></send_info>
                  <call_result><result>True</result><error/></call_result>
                </api_result>""");
        assertEquals(new Money(new BigDecimal("1.05"), "ZAR"), MyMobileApiAdapter.creditsEach(result, new Money(new BigDecimal("0.35"), "ZAR")),
                "three credits each (a text of three parts)");
    }
}
