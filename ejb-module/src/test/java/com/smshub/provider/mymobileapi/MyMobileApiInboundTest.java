package com.smshub.provider.mymobileapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.smshub.provider.spi.InboundFeed;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.ProviderUnavailableException;

/** "Retrieving replies" and "Retrieve incoming short code entries" in the gateway's terms. */
class MyMobileApiInboundTest {

    private static final ZoneId SAST = ZoneId.of("Africa/Johannesburg");
    private final MyMobileApiInbound inbound = new MyMobileApiInbound();

    @Test
    void repliesCarryTheMessageTheyAnswerAndTheOptOutFlag() {
        String answer = "<api_result><data><replyid>41</replyid><eventid>27105068</eventid><numfrom>27831234567</numfrom>"
                + "<receiveddata>Yes please</receiveddata><received>20240119134058</received><sentid>1700</sentid>"
                + "<sentcustomerid>01a237f5-8d49-754c-bce2-fc2d6327d057</sentcustomerid><optout>0</optout></data>"
                + "<data><replyid>43</replyid><numfrom>27831234568</numfrom><receiveddata>STOP</receiveddata>"
                + "<sentcustomerid/><optout>1</optout></data>"
                + "<call_result><result>True</result><error/></call_result></api_result>";
        InboundFeed.Page page = inbound.replies(answer, "40", 9, SAST);
        assertEquals("43", page.cursor());
        assertFalse(page.more());
        InboundMessage yes = page.messages().get(0);
        assertEquals("reply:41", yes.providerMessageId());
        assertEquals("+27831234567", yes.from());
        assertEquals("01a237f5-8d49-754c-bce2-fc2d6327d057", yes.repliesTo());
        assertEquals("2024-01-19T13:40:58+02:00", yes.receivedAt().toString());
        assertFalse(yes.optOut());
        InboundMessage stop = page.messages().get(1);
        assertNull(stop.repliesTo());
        assertTrue(stop.optOut());
    }

    @Test
    void shortCodeEntriesAreSentToTheShortCode() {
        String answer = "<api_result><data><changeid>100</changeid><shortcode>31234</shortcode><keyword>WIN</keyword>"
                + "<phonenumber>27831234567</phonenumber><message>WIN 5</message><received>20240119134058</received></data>"
                + "<call_result><result>True</result><error/></call_result></api_result>";
        InboundFeed.Page page = inbound.shortCodes(answer, "0", 9, SAST);
        assertEquals("100", page.cursor());
        assertEquals("shortcode:100", page.messages().get(0).providerMessageId());
        assertEquals("31234", page.messages().get(0).to());
        assertEquals("WIN 5", page.messages().get(0).text());
    }

    @Test
    void aRefusedCallLeavesTheCursor() {
        String refused = "<api_result><call_result><result>False</result><error>Invalid Username or Password</error></call_result></api_result>";
        assertThrows(ProviderUnavailableException.class, () -> inbound.replies(refused, "40", 9, SAST));
    }
}
