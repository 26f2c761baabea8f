package com.smshub.simulator.mymobileapi;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.smshub.simulator.Journal;
import com.smshub.simulator.Switches;
import com.smshub.simulator.WireCount;

/**
 * What the MyMobileAPI simulator was sent and what it tells back: the entries it took, and the status changes of
 * its Sent feed, each with the next changeid. The document promises nothing of a customerid sent again: such an
 * entry is taken again, its own sentid and changes, and counted as a duplicate. Entries and changes are kept in
 * its journal across restarts; an entry taken before a restart whose change was not written yet gets it at start.
 */
public final class MyMobileApiLedger {

    /** The simulator's switches: its one account's credentials, and how it should answer. */
    public static final Switches SWITCHES = new Switches(Map.ofEntries(
            Map.entry("username", "smshub"),
            Map.entry("password", "mma-password"),
            // call_result False for every call, with this error
            Map.entry("callError", ""),
            // entries_failed with this reason, for every entry or those whose number ends with failSuffix
            Map.entry("entryFailure", ""),
            Map.entry("failSuffix", ""),
            // failed entries without their customerid and number, as the document's example prints them
            Map.entry("blankFailedEntries", "false"),
            // a SOAP fault instead of an answer to Send_STR_STR
            Map.entry("sendFault", ""),
            // answer Send_STR_STR this late (after taking the entries)
            Map.entry("slowMillis", "0"),
            // the status each taken entry reaches in the Sent feed (DELIVRD, UNDELIV, EXPIRED, UNKNOWN) or NONE
            Map.entry("outcome", "DELIVRD"),
            Map.entry("deliveryDelayMillis", "100"),
            Map.entry("credits", "39763")));

    /** One status change, as Sent_STR_STR returns it. */
    record Change(long changeId, String sentId, String eventId, String numto, String data, String customerId, String status,
            String statusDate) {
    }

    private static final List<Change> CHANGES = new CopyOnWriteArrayList<>();
    /**
     * MyMobileAPI's changeids only grow, for the life of an account; the simulator's start from the clock, so
     * that a redeployed simulator (a new class loader, counters at zero) never answers below a cursor the gateway
     * has kept.
     */
    private static final AtomicLong CHANGE_IDS = new AtomicLong(System.currentTimeMillis());
    private static final AtomicLong SENT_IDS = new AtomicLong(System.currentTimeMillis());
    private static final AtomicLong EVENT_IDS = new AtomicLong(System.currentTimeMillis()); // never repeated by a redeployment
    private static final DateTimeFormatter STATUS_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static final Journal JOURNAL = new Journal("mymobileapi");
    private static final WireCount WIRE = new WireCount(SWITCHES, JOURNAL);

    static {
        SWITCHES.onReset(() -> {
            JOURNAL.clear();
            CHANGES.clear();
            MyMobileApiLedger.SENT_DETAILS.clear();
            MyMobileApiLedger.REPLIES.clear();
            MyMobileApiLedger.SHORT_CODES.clear();
        });
    }

    private MyMobileApiLedger() {
    }

    static long nextEvent() {
        return EVENT_IDS.incrementAndGet();
    }

    /**
     * Takes an entry, counted as a duplicate where its customerid came before; its sentid. Journaled with the
     * status it will reach ({@code outcome}, or NONE), so that a restart still tells it.
     */
    static String take(String customerId, String eventId, String numto, String data, String outcome) {
        String sentId = String.valueOf(SENT_IDS.incrementAndGet());
        SWITCHES.count("accepted");
        WIRE.arrived(customerId);
        JOURNAL.append("T", sentId, eventId, numto, data, customerId, outcome);
        return sentId;
    }

    /** A status change, with the next changeid. */
    static synchronized void change(String sentId, String eventId, String numto, String data, String customerId, String status) {
        Change change = new Change(CHANGE_IDS.incrementAndGet(), sentId, eventId, numto, data, customerId, status,
                STATUS_DATE.format(LocalDateTime.now()));
        CHANGES.add(change);
        JOURNAL.append("C", String.valueOf(change.changeId()), sentId, eventId, numto, data, customerId, status, change.statusDate());
    }

    /** The journal read back: entries, their changes, and the change of each entry whose change had not come. */
    private static void restore() {
        Map<String, String[]> unchanged = new java.util.LinkedHashMap<>();
        List<Change> restored = new ArrayList<>();
        for (String[] line : JOURNAL.lines()) {
            if (WIRE.restore(line)) {
                continue;
            }
            if (line.length == 7 && "T".equals(line[0])) {
                SWITCHES.count("accepted");
                unchanged.put(line[1], line);
                sentDetails(line[5], line[1], line[2], line[4]);
            } else if (line.length == 9 && "C".equals(line[0])) {
                restored.add(new Change(Long.parseLong(line[1]), line[2], line[3], line[4], line[5], line[6], line[7], line[8]));
                unchanged.remove(line[2]);
                CHANGE_IDS.accumulateAndGet(Long.parseLong(line[1]), Math::max);
            }
        }
        CHANGES.addAll(restored);
        for (String[] entry : unchanged.values()) {
            if (!"NONE".equals(entry[6])) {
                change(entry[1], entry[2], entry[3], entry[4], entry[5], entry[6]);
            }
        }
    }

    /** A subscriber's answer, as Reply_STR_STR returns it ("Retrieving replies"). */
    record Reply(long replyId, String eventId, String numfrom, String receiveddata, String received, String sentId,
            String sentData, String sentCustomerId, String optout) {
    }

    /** A message to a short code, as ShortCode_Get_STR_STR returns it. */
    record ShortCodeEntry(long changeId, String shortcode, String keyword, String phonenumber, String message, String received) {
    }

    /** What was sent under each customerid: its sentid, event, number and text, for the replies that answer it. */
    private static final Map<String, String[]> SENT_DETAILS = new ConcurrentHashMap<>();
    private static final List<Reply> REPLIES = new CopyOnWriteArrayList<>();
    private static final List<ShortCodeEntry> SHORT_CODES = new CopyOnWriteArrayList<>();
    /** Like changeids: they only grow, from the clock, across redeployments. */
    private static final AtomicLong REPLY_IDS = new AtomicLong(System.currentTimeMillis());
    private static final AtomicLong SHORT_CODE_IDS = new AtomicLong(System.currentTimeMillis());

    static {
        restore();
    }

    static void sentDetails(String customerId, String sentId, String eventId, String data) {
        if (customerId != null && !customerId.isBlank()) {
            SENT_DETAILS.put(customerId.strip(), new String[] {sentId, eventId, data, STATUS_DATE.format(LocalDateTime.now())});
        }
    }

    /**
     * A subscriber answers: to the message sent under {@code customerId} when given (its sentid, event and text
     * then come with the reply), with the opt-out flag where the text is an opt-out phrase (STOP, UNSUBSCRIBE, OPTOUT).
     */
    static synchronized Reply reply(String numfrom, String text, String customerId) {
        String[] sent = customerId == null ? null : SENT_DETAILS.get(customerId);
        String word = text.strip().split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
        String optout = Set.of("STOP", "UNSUBSCRIBE", "OPTOUT").contains(word) ? "1" : "0";
        Reply reply = new Reply(REPLY_IDS.incrementAndGet(), sent == null ? "" : sent[1], numfrom, text,
                STATUS_DATE.format(LocalDateTime.now()), sent == null ? "" : sent[0], sent == null ? "" : sent[2],
                sent == null ? "" : customerId, optout);
        REPLIES.add(reply);
        SWITCHES.count("replies");
        return reply;
    }

    static synchronized ShortCodeEntry shortCode(String shortcode, String keyword, String phonenumber, String message) {
        ShortCodeEntry entry = new ShortCodeEntry(SHORT_CODE_IDS.incrementAndGet(), shortcode, keyword, phonenumber, message,
                STATUS_DATE.format(LocalDateTime.now()));
        SHORT_CODES.add(entry);
        SWITCHES.count("shortCodeEntries");
        return entry;
    }

    static List<Reply> repliesAfter(long replyId, int most) {
        return REPLIES.stream().filter(r -> r.replyId() > replyId).limit(most).toList();
    }

    static List<ShortCodeEntry> shortCodesAfter(long changeId, String shortcode, int most) {
        return SHORT_CODES.stream().filter(e -> e.changeId() > changeId)
                .filter(e -> shortcode == null || shortcode.isBlank() || shortcode.strip().equals("0") || shortcode.strip().equals(e.shortcode()))
                .limit(most).toList();
    }

    /** The changes after the changeid, oldest first, at most this many. */
    static List<Change> after(long changeId, int most) {
        List<Change> page = new ArrayList<>();
        for (Change change : CHANGES) {
            if (change.changeId() > changeId && page.size() < most) {
                page.add(change);
            }
        }
        return page;
    }
}
