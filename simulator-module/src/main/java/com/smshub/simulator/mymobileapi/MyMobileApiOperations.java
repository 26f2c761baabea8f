package com.smshub.simulator.mymobileapi;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import com.smshub.provider.mymobileapi.xml.CallResult;
import com.smshub.provider.mymobileapi.xml.Options;
import com.smshub.provider.mymobileapi.xml.Reply;
import com.smshub.provider.mymobileapi.xml.SendEntry;
import com.smshub.provider.mymobileapi.xml.SendSettings;
import com.smshub.provider.mymobileapi.xml.Senddata;
import com.smshub.provider.mymobileapi.xml.Sent;
import com.smshub.provider.xml.InvalidProviderXmlException;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.mymobileapi.schema.MyMobileApiSchemas;

/**
 * What MyMobileAPI's legacy .asmx web service does with each call, once {@link MyMobileApiSimulator} has read it
 * off the wire: Send_STR_STR takes a senddata document and answers an api_result with entries_success,
 * entries_failed and send_info; Sent_STR_STR reads the status changes from a changeid; Reply_STR_STR the
 * subscribers' replies from a replyid (each with the message it answers and the opt-out flag);
 * ShortCode_Get_STR_STR the messages to short codes from a changeid; Credits_STR tells the credits. Subscribers'
 * messages are made with {@link MyMobileApiMoServlet}. Every document is validated against xsd/mymobileapi both
 * ways. Its one account is {@code smshub} / {@code mma-password}; {@link MyMobileApiLedger}'s switches make it
 * misbehave. The ZIP and data set variants are not simulated.
 */
final class MyMobileApiOperations {

    private static final Logger LOG = Logger.getLogger(MyMobileApiSimulator.class.getName());

    private final ProviderXml requests = ProviderXml.of(MyMobileApiSchemas.REQUESTS);
    private final ProviderXml sendResults = ProviderXml.of(MyMobileApiSchemas.SEND_RESULT);
    private final ProviderXml sentResults = ProviderXml.of(MyMobileApiSchemas.SENT_RESULT);
    private final ProviderXml creditsResults = ProviderXml.of(MyMobileApiSchemas.CREDITS_RESULT);
    private final ProviderXml replyResults = ProviderXml.of(MyMobileApiSchemas.REPLY_RESULT);
    private final ProviderXml shortCodeResults = ProviderXml.of(MyMobileApiSchemas.SHORTCODE_RESULT);

    private final ScheduledExecutorService scheduler;

    MyMobileApiOperations(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    private static boolean authorised(String username, String password) {
        return MyMobileApiLedger.SWITCHES.get("username").equals(username) && MyMobileApiLedger.SWITCHES.get("password").equals(password);
    }

    /** The call_result of a call that failed as a whole, or null when it may go on. */
    private static String refusal(String username, String password) {
        if (!authorised(username, password)) {
            return "Invalid Username or Password";
        }
        String error = MyMobileApiLedger.SWITCHES.failureNow("callError");
        return error.isEmpty() ? null : error;
    }

    String send(String username, String password, String data) {
        MyMobileApiLedger.SWITCHES.count("requests");
        var answer = new com.smshub.provider.mymobileapi.xml.sendresult.ApiResult();
        String refused = refusal(username, password);
        if (refused != null) {
            answer.setCallResult(sendCall(false, refused));
            return sendResults.write(answer);
        }
        String fault = MyMobileApiLedger.SWITCHES.failureNow("sendFault");
        if (!fault.isEmpty()) {
            throw new SoapFault(fault); // answered as a SOAP fault: the call was not taken
        }
        Senddata senddata;
        try {
            senddata = requests.read(data, Senddata.class);
        } catch (InvalidProviderXmlException e) {
            answer.setCallResult(sendCall(false, "Invalid XML: " + e.getMessage()));
            return sendResults.write(answer);
        }
        boolean live = senddata.getSettings().getLive() == null || senddata.getSettings().getLive().equalsIgnoreCase("true");
        long event = MyMobileApiLedger.nextEvent();
        String failure = MyMobileApiLedger.SWITCHES.get("entryFailure");
        String suffix = MyMobileApiLedger.SWITCHES.get("failSuffix");
        boolean blank = MyMobileApiLedger.SWITCHES.on("blankFailedEntries");
        int success = 0;
        int creditsUsed = 0;
        long clientClock;
        try {
            clientClock = clientClockOffset(senddata.getSettings());
        } catch (DateTimeException e) {
            answer.setCallResult(sendCall(false, "default_curdate and default_curtime are dd/MMM/yyyy and HH:mm"));
            return sendResults.write(answer);
        }
        for (SendEntry entry : senddata.getEntries()) {
            long holdMillis;
            try {
                holdMillis = holdMillis(senddata.getSettings(), entry, clientClock);
            } catch (DateTimeException e) {
                answer.getEntriesFailed().add(entryFailed(entry.getNumto(), entry.getCustomerid(), "time invalid")); // a reason the Send table lists
                continue;
            }
            if (!failure.isEmpty() && entry.getNumto().endsWith(suffix)) {
                answer.getEntriesFailed().add(entryFailed(blank ? "" : entry.getNumto(), blank ? "" : entry.getCustomerid(), failure));
                continue;
            }
            if (live) {
                String sentId = MyMobileApiLedger.take(entry.getCustomerid(), String.valueOf(event), entry.getNumto(),
                        entry.getData1(), MyMobileApiLedger.SWITCHES.get("outcome"));
                MyMobileApiLedger.sentDetails(entry.getCustomerid(), sentId, String.valueOf(event), entry.getData1());
                if (holdMillis > 0) {
                    MyMobileApiLedger.SWITCHES.count("scheduled");
                }
                schedule(sentId, String.valueOf(event), entry, holdMillis);
            }
            var taken = new com.smshub.provider.mymobileapi.xml.sendresult.ApiResult.EntriesSuccess();
            taken.setNumto(entry.getNumto());
            taken.setCustomerid(entry.getCustomerid());
            answer.getEntriesSuccess().add(taken);
            success++;
            creditsUsed += credits(entry.getData1());
        }
        var info = new com.smshub.provider.mymobileapi.xml.sendresult.ApiResult.SendInfo();
        info.setEventid(event);
        info.setCredits(new java.math.BigDecimal(MyMobileApiLedger.SWITCHES.get("credits")));
        info.setMsgsCreditsUsed(java.math.BigDecimal.valueOf(creditsUsed));
        info.setMsgsSuccess(success);
        info.setMsgsFailed(answer.getEntriesFailed().size());
        answer.setSendInfo(info);
        answer.setCallResult(sendCall(true, ""));
        long slow = MyMobileApiLedger.SWITCHES.number("slowMillis");
        if (slow > 0) {
            sleep(slow);
        }
        return sendResults.write(answer);
    }

    /** A credit a part: one for up to 160 characters, one per 153 beyond (the simulator's tariff). */
    static int credits(String text) {
        int length = text == null ? 0 : text.length();
        return length <= 160 ? 1 : (length + 152) / 153;
    }

    private void schedule(String sentId, String eventId, SendEntry entry, long holdMillis) {
        String outcome = MyMobileApiLedger.SWITCHES.get("outcome");
        if (outcome.equals("NONE")) {
            return;
        }
        scheduler.schedule(() -> MyMobileApiLedger.change(sentId, eventId, entry.getNumto(), entry.getData1(),
                entry.getCustomerid(), outcome), holdMillis + MyMobileApiLedger.SWITCHES.number("deliveryDelayMillis"),
                TimeUnit.MILLISECONDS);
    }

    private static com.smshub.provider.mymobileapi.xml.sendresult.ApiResult.EntriesFailed entryFailed(String numto, String customerid, String reason) {
        var failed = new com.smshub.provider.mymobileapi.xml.sendresult.ApiResult.EntriesFailed();
        failed.setNumto(numto);
        failed.setCustomerid(customerid);
        failed.setReason(reason);
        return failed;
    }

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("dd/MMM/uuuu HH:mm").toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT); // 31/Feb is no day (the schema's pattern lets it by)

    /**
     * The caller's clock against ours, in milliseconds: default_curdate and default_curtime are "the current date
     * and time on your server", which "determine when your messages should go out"; ours where not given.
     */
    private static long clientClockOffset(SendSettings settings) {
        if (settings.getDefaultCurdate() == null || settings.getDefaultCurtime() == null) {
            return 0;
        }
        LocalDateTime theirs = LocalDateTime.parse(settings.getDefaultCurdate().strip() + " "
                + settings.getDefaultCurtime().strip(), DATE_TIME);
        // their time zone, as the difference to ours in whole quarter hours (zones differ by those): a call written at
        // the end of one minute and read in the next must not move its messages by a minute
        long difference = Duration.between(LocalDateTime.now(ZoneOffset.UTC), theirs).toMillis();
        long quarter = Duration.ofMinutes(15).toMillis();
        return Math.round((double) difference / quarter) * quarter;
    }

    /**
     * How long the entry waits before it goes out: its date and time (or the call's defaults, both mandatory) on the
     * caller's clock; none when that time has come.
     */
    private static long holdMillis(SendSettings settings, SendEntry entry, long clientClock) {
        String date = entry.getDate() != null ? entry.getDate() : settings.getDefaultDate();
        String time = entry.getTime() != null ? entry.getTime() : settings.getDefaultTime();
        if (date == null || time == null) {
            throw new DateTimeException("default_date and default_time are mandatory");
        }
        LocalDateTime at = LocalDateTime.parse(date.strip() + " " + time.strip(), DATE_TIME);
        LocalDateTime theirNow = LocalDateTime.now(ZoneOffset.UTC).plus(clientClock, ChronoUnit.MILLIS);
        return Math.max(0, Duration.between(theirNow, at).toMillis());
    }

    String sent(String username, String password, String data) {
        MyMobileApiLedger.SWITCHES.count("sentReads");
        var answer = new com.smshub.provider.mymobileapi.xml.sentresult.ApiResult();
        String refused = refusal(username, password);
        Sent sent = null;
        if (refused == null) {
            try {
                sent = requests.read(data, Sent.class);
            } catch (InvalidProviderXmlException e) {
                refused = "Invalid XML: " + e.getMessage();
            }
        }
        if (refused != null) {
            answer.setCallResult(sentCall(false, refused));
            return sentResults.write(answer);
        }
        String id = sent.getSettings().getId();
        String max = sent.getSettings().getMaxRecs();
        List<MyMobileApiLedger.Change> changes = MyMobileApiLedger.after(id == null || id.isBlank() ? 0 : Long.parseLong(id.strip()),
                max == null || max.isBlank() ? 100 : Integer.parseInt(max.strip()));
        for (MyMobileApiLedger.Change change : changes) {
            var row = new com.smshub.provider.mymobileapi.xml.sentresult.ApiResult.Data();
            row.setChangeid(String.valueOf(change.changeId()));
            row.setSentid(change.sentId());
            row.setEventid(change.eventId());
            row.setSmstype("SMS");
            row.setNumto(change.numto());
            row.setData(change.data());
            row.setCustomerid(change.customerId());
            row.setStatus(change.status());
            row.setStatusdate(change.statusDate());
            answer.getData().add(row);
        }
        answer.setCallResult(sentCall(true, ""));
        return sentResults.write(answer);
    }

    String credits(String username, String password) {
        var answer = new com.smshub.provider.mymobileapi.xml.creditsresult.ApiResult();
        String refused = refusal(username, password);
        var call = new com.smshub.provider.mymobileapi.xml.creditsresult.CallResult();
        call.setResult(refused == null ? "True" : "False");
        call.setError(refused == null ? "" : refused);
        if (refused == null) {
            var data = new com.smshub.provider.mymobileapi.xml.creditsresult.ApiResult.Data();
            data.setCredits(MyMobileApiLedger.SWITCHES.get("credits"));
            answer.setData(data);
        }
        answer.setCallResult(call);
        return creditsResults.write(answer);
    }

    private static com.smshub.provider.mymobileapi.xml.sendresult.CallResult sendCall(boolean ok, String error) {
        var call = new com.smshub.provider.mymobileapi.xml.sendresult.CallResult();
        call.setResult(ok ? "True" : "False");
        call.setError(error);
        return call;
    }

    private static com.smshub.provider.mymobileapi.xml.sentresult.CallResult sentCall(boolean ok, String error) {
        var call = new com.smshub.provider.mymobileapi.xml.sentresult.CallResult();
        call.setResult(ok ? "True" : "False");
        call.setError(error);
        return call;
    }

    /** "Retrieving replies": the replies after the replyid, at most max_recs (1-100), oldest first. */
    String replies(String username, String password, String data) {
        var answer = new com.smshub.provider.mymobileapi.xml.replyresult.ApiResult();
        var call = new com.smshub.provider.mymobileapi.xml.replyresult.CallResult();
        String refused = refusal(username, password);
        Reply reply = null;
        if (refused == null) {
            try {
                reply = requests.read(data, Reply.class);
            } catch (InvalidProviderXmlException e) {
                refused = "Invalid XML: " + e.getMessage();
            }
        }
        if (refused != null) {
            call.setResult("False");
            call.setError(refused);
            answer.setCallResult(call);
            return replyResults.write(answer);
        }
        String id = reply.getSettings().getId();
        String max = reply.getSettings().getMaxRecs();
        for (MyMobileApiLedger.Reply r : MyMobileApiLedger.repliesAfter(id == null || id.isBlank() ? 0 : Long.parseLong(id.strip()),
                max == null || max.isBlank() ? 100 : Math.min(100, Integer.parseInt(max.strip())))) {
            var row = new com.smshub.provider.mymobileapi.xml.replyresult.ApiResult.Data();
            row.setReplyid(String.valueOf(r.replyId()));
            row.setEventid(r.eventId());
            row.setNumfrom(r.numfrom());
            row.setReceiveddata(r.receiveddata());
            row.setReceived(r.received());
            row.setSentid(r.sentId());
            row.setSentdata(r.sentData());
            row.setSentcustomerid(r.sentCustomerId());
            row.setOptout(r.optout());
            answer.getData().add(row);
        }
        call.setResult("True");
        call.setError("");
        answer.setCallResult(call);
        return replyResults.write(answer);
    }

    /** "Retrieve incoming short code entries": the entries after the changeid, of one short code or all. */
    String shortCodes(String username, String password, String data) {
        var answer = new com.smshub.provider.mymobileapi.xml.shortcoderesult.ApiResult();
        var call = new com.smshub.provider.mymobileapi.xml.shortcoderesult.CallResult();
        String refused = refusal(username, password);
        Options options = null;
        if (refused == null) {
            try {
                options = requests.read(data, Options.class);
            } catch (InvalidProviderXmlException e) {
                refused = "Invalid XML: " + e.getMessage();
            }
        }
        if (refused != null) {
            call.setResult("False");
            call.setError(refused);
            answer.setCallResult(call);
            return shortCodeResults.write(answer);
        }
        String id = options.getSettings().getId();
        for (MyMobileApiLedger.ShortCodeEntry e : MyMobileApiLedger.shortCodesAfter(
                id == null || id.isBlank() ? 0 : Long.parseLong(id.strip()), options.getSettings().getShortcode(), 100)) {
            var row = new com.smshub.provider.mymobileapi.xml.shortcoderesult.ApiResult.Data();
            row.setChangeid(String.valueOf(e.changeId()));
            row.setShortcode(e.shortcode());
            row.setKeyword(e.keyword());
            row.setPhonenumber(e.phonenumber());
            row.setMessage(e.message());
            row.setReceived(e.received());
            row.setMnc("01");
            row.setMcc("655");
            answer.getData().add(row);
        }
        call.setResult("True");
        call.setError("");
        answer.setCallResult(call);
        return shortCodeResults.write(answer);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
