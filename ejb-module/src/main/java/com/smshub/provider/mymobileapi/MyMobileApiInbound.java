package com.smshub.provider.mymobileapi;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.smshub.kernel.ProviderCode;
import com.smshub.provider.mymobileapi.xml.CursorSettings;
import com.smshub.provider.mymobileapi.xml.Options;
import com.smshub.provider.mymobileapi.xml.Reply;
import com.smshub.provider.spi.InboundFeed;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.ProviderUnavailableException;
import com.smshub.provider.xml.InvalidProviderXmlException;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.mymobileapi.schema.MyMobileApiSchemas;

/**
 * MyMobileAPI's subscribers' messages: "Retrieving replies" (Reply_STR_STR from a replyid: each reply with the
 * customerid of the message it answers, {@code sentcustomerid}, our message id, and the opt-out flag) and
 * "Retrieve incoming short code entries" (ShortCode_Get_STR_STR from a changeid). Ids are the feed's name and
 * its counter ({@code reply:123}), so a page read again stores nothing twice.
 */
final class MyMobileApiInbound {

    static final String REPLIES = "reply";
    static final String SHORT_CODES = "shortcode";
    /** The date_format asked for, so that times are read without guessing. */
    private static final String DATE_FORMAT = "yyyyMMddHHmmss";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_FORMAT);

    private final ProviderXml requests = ProviderXml.of(MyMobileApiSchemas.REQUESTS);
    private final ProviderXml replyResults = ProviderXml.of(MyMobileApiSchemas.REPLY_RESULT);
    private final ProviderXml shortCodeResults = ProviderXml.of(MyMobileApiSchemas.SHORTCODE_RESULT);

    String replyRequest(String cursor) {
        CursorSettings settings = new CursorSettings();
        settings.setId(cursor);
        settings.setMaxRecs(String.valueOf(MyMobileApiAdapter.PAGE));
        settings.setColsReturned("replyid,eventid,numfrom,receiveddata,received,sentid,sentcustomerid,optout");
        settings.setDateFormat(DATE_FORMAT);
        Reply reply = new Reply();
        reply.setSettings(settings);
        return requests.write(reply);
    }

    String shortCodeRequest(String cursor) {
        Options.Settings settings = new Options.Settings();
        settings.setId(cursor);
        settings.setDateFormat(DATE_FORMAT);
        settings.setColsReturned("changeid,shortcode,keyword,phonenumber,message,received");
        Options options = new Options();
        options.setSettings(settings);
        return requests.write(options);
    }

    InboundFeed.Page replies(String answer, String cursor, long accountId, ZoneId zone) {
        com.smshub.provider.mymobileapi.xml.replyresult.ApiResult result;
        try {
            result = replyResults.read(answer, com.smshub.provider.mymobileapi.xml.replyresult.ApiResult.class);
        } catch (InvalidProviderXmlException e) {
            throw new ProviderUnavailableException("Unreadable Reply_STR_STR answer: " + e.getMessage(), e);
        }
        if (result.getCallResult() == null || !MyMobileApiCodes.succeeded(result.getCallResult().getResult())) {
            throw new ProviderUnavailableException("Reply_STR_STR refused: "
                    + (result.getCallResult() == null ? "no call_result" : result.getCallResult().getError()));
        }
        List<InboundMessage> messages = new ArrayList<>();
        long last = Long.parseLong(cursor.strip());
        for (var row : result.getData()) {
            long id = Long.parseLong(strip(row.getReplyid()));
            last = Math.max(last, id);
            String from = strip(row.getNumfrom());
            if (from.isEmpty()) {
                continue;
            }
            String answered = strip(row.getSentcustomerid());
            messages.add(new InboundMessage(MyMobileApiAdapter.CODE, accountId, REPLIES + ":" + id, e164(from), null,
                    row.getReceiveddata() == null ? "" : row.getReceiveddata(), null, time(row.getReceived(), zone),
                    answered.isEmpty() ? null : answered, "1".equals(strip(row.getOptout()))));
        }
        return new InboundFeed.Page(messages, String.valueOf(last), result.getData().size() >= MyMobileApiAdapter.PAGE);
    }

    InboundFeed.Page shortCodes(String answer, String cursor, long accountId, ZoneId zone) {
        com.smshub.provider.mymobileapi.xml.shortcoderesult.ApiResult result;
        try {
            result = shortCodeResults.read(answer, com.smshub.provider.mymobileapi.xml.shortcoderesult.ApiResult.class);
        } catch (InvalidProviderXmlException e) {
            throw new ProviderUnavailableException("Unreadable ShortCode_Get_STR_STR answer: " + e.getMessage(), e);
        }
        if (result.getCallResult() == null || !MyMobileApiCodes.succeeded(result.getCallResult().getResult())) {
            throw new ProviderUnavailableException("ShortCode_Get_STR_STR refused: "
                    + (result.getCallResult() == null ? "no call_result" : result.getCallResult().getError()));
        }
        List<InboundMessage> messages = new ArrayList<>();
        long last = Long.parseLong(cursor.strip());
        for (var row : result.getData()) {
            long id = Long.parseLong(strip(row.getChangeid()));
            last = Math.max(last, id);
            String from = strip(row.getPhonenumber());
            if (from.isEmpty()) {
                continue;
            }
            String shortCode = strip(row.getShortcode());
            messages.add(new InboundMessage(MyMobileApiAdapter.CODE, accountId, SHORT_CODES + ":" + id, e164(from),
                    shortCode.isEmpty() ? null : shortCode, row.getMessage() == null ? "" : row.getMessage(), null,
                    time(row.getReceived(), zone), null, false));
        }
        return new InboundFeed.Page(messages, String.valueOf(last), result.getData().size() >= MyMobileApiAdapter.PAGE);
    }

    /** MyMobileAPI writes numbers internationally without the '+' (27831234567). */
    static String e164(String number) {
        return number.matches("[0-9]{8,15}") ? "+" + number : number;
    }

    private static OffsetDateTime time(String value, ZoneId zone) {
        if (value != null && !value.isBlank()) {
            try {
                return LocalDateTime.parse(value.strip(), DATE).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                // an unreadable time is no reason to lose the message
            }
        }
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
