package com.smshub.provider.mymobileapi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Minutes;
import com.smshub.kernel.Money;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.mymobileapi.xml.CursorSettings;
import com.smshub.provider.mymobileapi.xml.SendEntry;
import com.smshub.provider.mymobileapi.xml.SendSettings;
import com.smshub.provider.mymobileapi.xml.Senddata;
import com.smshub.provider.mymobileapi.xml.Sent;
import com.smshub.provider.mymobileapi.xml.sendresult.ApiResult;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.BalanceQuery;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.GroupSending;
import com.smshub.provider.spi.InboundFeed;
import com.smshub.kernel.Liveness;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.MessageSending;
import com.smshub.provider.spi.OutboundMessage;
import com.smshub.provider.spi.PriceQuote;
import com.smshub.provider.spi.ProviderAdapter;
import com.smshub.provider.spi.ProviderUnavailableException;
import com.smshub.provider.spi.SendOutcome;
import com.smshub.provider.spi.Settings;
import com.smshub.provider.spi.StatusFeed;
import com.smshub.provider.xml.InvalidProviderXmlException;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.mymobileapi.schema.MyMobileApiSchemas;

/**
 * MyMobileAPI behind the gateway's provider boundary: Send_STR_STR with one senddata entry per message (many
 * entries in one call where the dispatcher groups them), each entry's customerid our message id; statuses read
 * from Sent_STR_STR's changeid feed; credits from Credits_STR; prices from a Send_STR_STR with live False, which
 * MyMobileAPI answers without sending.
 */
@ApplicationScoped
public class MyMobileApiAdapter implements ProviderAdapter, MessageSending, GroupSending, StatusFeed, BalanceQuery, PriceQuote,
        InboundFeed {

    /** MyMobileAPI's code: accounts name it, and the contract and the database write it. */
    public static final ProviderCode CODE = ProviderCode.valueOf("MYMOBILEAPI");

    /** "Sending Messages": default_date and the entries' dates, dd/MMM/yyyy (13/apr/2009). */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MMM/yyyy", Locale.ENGLISH);
    /** default_time and the entries' times, HH:mm. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    /** The status records read a page at a time, at most 100 (max_recs). */
    static final int PAGE = 100;
    /** The documents give no longest text; the gateway's own limit applies. */
    static final int MOST_CHARACTERS = 1600;
    static final String SOURCE = "MYMOBILEAPI_SENT";

    private final ProviderXml requests = ProviderXml.of(MyMobileApiSchemas.REQUESTS);
    private final ProviderXml sendResults = ProviderXml.of(MyMobileApiSchemas.SEND_RESULT);
    private final ProviderXml sentResults = ProviderXml.of(MyMobileApiSchemas.SENT_RESULT);
    private final ProviderXml creditsResults = ProviderXml.of(MyMobileApiSchemas.CREDITS_RESULT);

    @Inject
    MyMobileApiClient client;

    private final MyMobileApiInbound inbound = new MyMobileApiInbound();

    /** Replies always; short code entries where the account has short codes (its setting shortCodeFeed). */
    @Override
    public Set<String> inboundFeeds(Account account) {
        return MyMobileApiSettings.of(account).shortCodeFeed()
                ? Set.of(MyMobileApiInbound.REPLIES, MyMobileApiInbound.SHORT_CODES) : Set.of(MyMobileApiInbound.REPLIES);
    }

    @Override
    public InboundFeed.Page inboundAfter(String feed, String cursor, Account account) {
        ZoneId zone = MyMobileApiSettings.of(account).timeZone();
        try {
            if (MyMobileApiInbound.SHORT_CODES.equals(feed)) {
                return inbound.shortCodes(client.shortCodes(account, inbound.shortCodeRequest(cursor)), cursor, account.id(), zone);
            }
            return inbound.replies(client.replies(account, inbound.replyRequest(cursor)), cursor, account.id(), zone);
        } catch (MyMobileApiException e) {
            throw new ProviderUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public ProviderCode provider() {
        return CODE;
    }

    @Override
    public Capabilities capabilities(Account account) {
        MyMobileApiSettings settings = MyMobileApiSettings.of(account);
        int perRequest = settings.messagesPerRequest();
        Capabilities.Builder capabilities = Capabilities.builder(MOST_CHARACTERS)
                .sameTextRecipients(perRequest)
                .messagesPerRequest(perRequest)
                .with(Feature.SCHEDULING, Feature.VALIDITY, Feature.STATUS_FEED, Feature.BALANCE, Feature.INBOUND);
        // a price in money needs what a credit costs; without it the route's price table answers
        return (settings.creditPrice() == null ? capabilities : capabilities.with(Feature.PRICING)).build();
    }

    @Override
    public void checkSettings(Settings settings) {
        MyMobileApiSettings.of(settings);
    }

    /** Credits_STR, the cheapest call: True is alive. */
    @Override
    public Liveness probe(Account account) {
        long started = System.nanoTime();
        try {
            var credits = creditsResults.read(client.credits(account), com.smshub.provider.mymobileapi.xml.creditsresult.ApiResult.class);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            boolean ok = MyMobileApiCodes.succeeded(credits.getCallResult().getResult());
            String detail = ok ? "credits " + (credits.getData() == null ? "?" : credits.getData().getCredits())
                    : "call_result False: " + credits.getCallResult().getError();
            return ok ? Liveness.up(took, detail) : Liveness.down(took, detail);
        } catch (MyMobileApiException | InvalidProviderXmlException e) {
            return Liveness.down(Duration.ofNanos(System.nanoTime() - started), e.getMessage());
        }
    }

    /** Every entry carries its own sender, text and time: any messages may share a call. */
    @Override
    public Object groupKey(SmsContent content) {
        return CODE;
    }

    @Override
    public SendOutcome send(OutboundMessage message, Account account) {
        return sendGroup(List.of(message), account).get(0);
    }

    @Override
    public List<SendOutcome> sendGroup(List<OutboundMessage> messages, Account account) {
        MyMobileApiSettings settings = MyMobileApiSettings.of(account);
        String senddata = requests.write(senddata(messages, settings.timeZone(), OffsetDateTime.now(), true));
        String answer;
        try {
            answer = client.send(account, senddata);
        } catch (MyMobileApiException e) {
            SendOutcome outcome = switch (e.kind()) {
                case NOT_SENT -> new SendOutcome.Retry(e.getMessage());
                case REFUSED -> new SendOutcome.Rejected("HTTP", e.getMessage(), true);
                case AMBIGUOUS -> new SendOutcome.Unknown(e.getMessage());
            };
            return Collections.nCopies(messages.size(), outcome);
        }
        try {
            return outcomes(messages, sendResults.read(answer, ApiResult.class));
        } catch (InvalidProviderXmlException e) {
            // the call was taken and its answer cannot be read: whether anything was sent is not known
            return Collections.nCopies(messages.size(), new SendOutcome.Unknown("Unreadable api_result: " + e.getMessage()));
        }
    }

    /** The senddata of "Sending Messages": results asked for per entry, one entry per message. */
    static Senddata senddata(List<OutboundMessage> messages, ZoneId zone, OffsetDateTime now, boolean live) {
        ZonedDateTime here = now.atZoneSameInstant(zone);
        SendSettings settings = new SendSettings();
        settings.setLive(live ? "True" : "False");
        settings.setReturnCredits("True");
        settings.setReturnMsgsCreditsUsed("True");
        settings.setReturnMsgsSuccessCount("True");
        settings.setReturnEntriesSuccessStatus("True");
        settings.setReturnEntriesFailedStatus("True");
        settings.setDefaultDate(DATE.format(here));
        settings.setDefaultTime(TIME.format(here));
        settings.setDefaultCurdate(DATE.format(here));
        settings.setDefaultCurtime(TIME.format(here));
        settings.setDefaultType("SMS");
        Senddata senddata = new Senddata();
        senddata.setSettings(settings);
        for (OutboundMessage message : messages) {
            SmsContent content = message.content();
            SendEntry entry = new SendEntry();
            entry.setNumto(message.recipient().digits());
            entry.setCustomerid(message.messageId());
            if (content.originator() != null) {
                entry.setSenderid(content.originator().value());
            }
            entry.setData1(content.text());
            entry.setType("SMS");
            if (content.scheduledAt() != null) {
                // HH:mm: the first whole minute not before the time asked, never half a minute early
                ZonedDateTime at = Minutes.notBefore(content.scheduledAt()).atZoneSameInstant(zone);
                entry.setDate(DATE.format(at));
                entry.setTime(TIME.format(at));
            }
            if (content.validityMinutes() != null) {
                entry.setValidityperiod((content.validityMinutes() + 59) / 60); // in hours
            }
            senddata.getEntries().add(entry);
        }
        return senddata;
    }

    /**
     * Each message's outcome from api_result: accepted where entries_success names its customerid, refused with
     * its reason where entries_failed does (or, its customerid left out, its number), refused as a whole where
     * call_result is False, and not known where the answer names it nowhere.
     */
    static List<SendOutcome> outcomes(List<OutboundMessage> messages, ApiResult result) {
        if (result.getCallResult() == null || !MyMobileApiCodes.succeeded(result.getCallResult().getResult())) {
            String error = result.getCallResult() == null ? "no call_result" : result.getCallResult().getError();
            return Collections.nCopies(messages.size(), new SendOutcome.Rejected("CALL_FAILED",
                    "MyMobileAPI refused the call: " + error, true));
        }
        String event = result.getSendInfo() == null ? null : String.valueOf(result.getSendInfo().getEventid());
        Map<String, SendOutcome> byCustomer = new HashMap<>();
        Map<String, SendOutcome> byNumber = new HashMap<>();
        for (ApiResult.EntriesSuccess success : result.getEntriesSuccess()) {
            byCustomer.put(strip(success.getCustomerid()), new SendOutcome.Accepted(event, "success"));
        }
        for (ApiResult.EntriesFailed failed : result.getEntriesFailed()) {
            SendOutcome refused = MyMobileApiCodes.entryFailed(failed.getReason());
            if (!strip(failed.getCustomerid()).isEmpty()) {
                byCustomer.put(strip(failed.getCustomerid()), refused);
            } else if (!strip(failed.getNumto()).isEmpty()) {
                byNumber.put(strip(failed.getNumto()), refused);
            }
        }
        List<SendOutcome> outcomes = new ArrayList<>(messages.size());
        for (OutboundMessage message : messages) {
            SendOutcome outcome = byCustomer.get(message.messageId());
            if (outcome == null) {
                outcome = byNumber.get(message.recipient().digits());
            }
            outcomes.add(outcome != null ? outcome
                    : new SendOutcome.Unknown("MyMobileAPI's answer names neither success nor failure for this entry"));
        }
        return outcomes;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    @Override
    public boolean quotes(Account account) {
        return MyMobileApiSettings.of(account).creditPrice() != null;
    }

    /**
     * The senddata Send would carry, with live False: MyMobileAPI answers what it would accept and the credits it
     * would use, sending nothing. Messages of one text are asked about together (they use the same credits each);
     * a message MyMobileAPI would refuse has no price.
     */
    @Override
    public List<Money> price(List<OutboundMessage> messages, Account account) {
        MyMobileApiSettings settings = MyMobileApiSettings.of(account);
        Map<String, List<Integer>> byText = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            byText.computeIfAbsent(messages.get(i).content().text(), t -> new ArrayList<>()).add(i);
        }
        List<Money> prices = new ArrayList<>(Collections.nCopies(messages.size(), null));
        for (List<Integer> positions : byText.values()) {
            List<OutboundMessage> same = positions.stream().map(messages::get).toList();
            ApiResult result;
            try {
                result = sendResults.read(client.send(account, requests.write(senddata(same, settings.timeZone(),
                        OffsetDateTime.now(), false))), ApiResult.class);
            } catch (MyMobileApiException | InvalidProviderXmlException e) {
                throw new ProviderUnavailableException(e.getMessage(), e);
            }
            if (result.getCallResult() == null || !MyMobileApiCodes.succeeded(result.getCallResult().getResult())) {
                throw new ProviderUnavailableException("Send_STR_STR with live False refused: "
                        + (result.getCallResult() == null ? "no call_result" : result.getCallResult().getError()));
            }
            List<SendOutcome> outcomes = outcomes(same, result);
            Money each = creditsEach(result, settings.creditPrice());
            for (int k = 0; k < positions.size(); k++) {
                if (outcomes.get(k) instanceof SendOutcome.Accepted) {
                    prices.set(positions.get(k), each);
                }
            }
        }
        return prices;
    }

    /** send_info's credits used over the messages it took, at the account's credit price. */
    static Money creditsEach(ApiResult result, Money creditPrice) {
        ApiResult.SendInfo info = result.getSendInfo();
        if (info == null || info.getMsgsCreditsUsed() == null || info.getMsgsSuccess() == null || info.getMsgsSuccess() <= 0) {
            if (result.getEntriesSuccess().isEmpty()) {
                return null;
            }
            throw new ProviderUnavailableException("MyMobileAPI's answer tells no msgs_credits_used and msgs_success");
        }
        BigDecimal credits = info.getMsgsCreditsUsed().divide(BigDecimal.valueOf(info.getMsgsSuccess()), 4, RoundingMode.HALF_UP);
        return new Money(credits.multiply(creditPrice.amount()).stripTrailingZeros(), creditPrice.currency());
    }

    /** "Retrieving sent data": the records after the changeid, their statuses by customerid (our id). */
    @Override
    public StatusFeed.Page statusesAfter(String cursor, Account account) {
        CursorSettings settings = new CursorSettings();
        settings.setId(cursor);
        settings.setMaxRecs(String.valueOf(PAGE));
        settings.setColsReturned("changeid,sentid,eventid,numto,customerid,status,statusdate");
        settings.setDateFormat("yyyyMMddHHmmss");
        Sent sent = new Sent();
        sent.setSettings(settings);
        String answer;
        try {
            answer = client.sent(account, requests.write(sent));
        } catch (MyMobileApiException e) {
            throw new ProviderUnavailableException(e.getMessage(), e);
        }
        com.smshub.provider.mymobileapi.xml.sentresult.ApiResult result;
        try {
            result = sentResults.read(answer, com.smshub.provider.mymobileapi.xml.sentresult.ApiResult.class);
        } catch (InvalidProviderXmlException e) {
            throw new ProviderUnavailableException("Unreadable Sent_STR_STR answer: " + e.getMessage(), e);
        }
        if (result.getCallResult() == null || !MyMobileApiCodes.succeeded(result.getCallResult().getResult())) {
            throw new ProviderUnavailableException("Sent_STR_STR refused: "
                    + (result.getCallResult() == null ? "no call_result" : result.getCallResult().getError()));
        }
        return page(cursor, result.getData());
    }

    static StatusFeed.Page page(String cursor, List<com.smshub.provider.mymobileapi.xml.sentresult.ApiResult.Data> records) {
        List<DeliveryReport> reports = new ArrayList<>(records.size());
        long last = Long.parseLong(cursor.strip());
        for (var record : records) {
            long change = Long.parseLong(strip(record.getChangeid()));
            last = Math.max(last, change);
            String customer = strip(record.getCustomerid());
            String sentId = strip(record.getSentid());
            if (customer.isEmpty() && sentId.isEmpty()) {
                continue; // a record that names no message: nothing to apply it to
            }
            MessageRef message = customer.isEmpty() ? MessageRef.theirs(CODE, sentId) : MessageRef.ours(customer);
            reports.add(new DeliveryReport(message, MyMobileApiCodes.ofSentStatus(record.getStatus()),
                    new ProviderReport(CODE, strip(record.getStatus()), null, sentId.isEmpty() ? null : sentId),
                    SOURCE));
        }
        return new StatusFeed.Page(reports, String.valueOf(last), records.size() >= PAGE);
    }

    /** Credits_STR: the credits left (1,000,000 on a post-paid account, which is never debited). */
    @Override
    public Balance balance(Account account) {
        com.smshub.provider.mymobileapi.xml.creditsresult.ApiResult result;
        try {
            result = creditsResults.read(client.credits(account), com.smshub.provider.mymobileapi.xml.creditsresult.ApiResult.class);
        } catch (MyMobileApiException | InvalidProviderXmlException e) {
            throw new ProviderUnavailableException(e.getMessage(), e);
        }
        if (!MyMobileApiCodes.succeeded(result.getCallResult().getResult()) || result.getData() == null) {
            throw new ProviderUnavailableException("Credits_STR refused: " + result.getCallResult().getError());
        }
        try {
            return new Balance(new BigDecimal(result.getData().getCredits().strip()), null, null, "credits");
        } catch (NumberFormatException e) {
            throw new ProviderUnavailableException("Credits_STR told no number: " + result.getData().getCredits(), e);
        }
    }
}
