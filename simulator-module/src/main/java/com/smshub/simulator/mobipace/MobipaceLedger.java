package com.smshub.simulator.mobipace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.smshub.simulator.Journal;
import com.smshub.simulator.Switches;
import com.smshub.simulator.WireCount;

/**
 * What the MOBIPACE simulator keeps: its sessions (each expires after its idle time) and the messages it took,
 * by the reference each was sent with, with the status QueryMessages tells. The document asks the partner for a
 * unique Reference and promises nothing when one comes again: a message sent again is taken again (the later one
 * answers for the reference) and counted as a duplicate. The messages are kept in its journal across restarts.
 */
public final class MobipaceLedger {

    /** The simulator's switches: its one account's credentials, and how it should answer. */
    public static final Switches SWITCHES = new Switches(Map.ofEntries(
            Map.entry("username", "smshub@mobipace.example"),
            Map.entry("password", "mobipace-password"),
            // authorisation mistakes allowed before the user is locked (201 UserLocked, until reset); the document
            // names no number, so the simulator takes a small one
            Map.entry("mistakesAllowed", "3"),
            // a session expires after this long without a request (the document: 60 s)
            Map.entry("sessionIdleMillis", "60000"),
            // the zone ScheduledDate is read in (the document does not say; the gateway's default is UTC)
            Map.entry("timeZone", "UTC"),
            // answer Send with this request status (100, 102, 104, 200-202, 300-302) instead of taking the messages
            Map.entry("sendStatus", "101"),
            // answer the next request with 103 SessionExpired, whatever its session
            Map.entry("expireSessions", "false"),
            // answer every request this late: a second request meanwhile meets 104 AccessDenied
            Map.entry("slowMillis", "0"),
            // the message status a message reaches (1-10, 100-104), and when
            Map.entry("outcome", "100"),
            Map.entry("deliveryDelayMillis", "100"),
            Map.entry("balance", "1300.30"),
            Map.entry("creditLimit", "-1000"),
            Map.entry("available", "2300.30"),
            Map.entry("price", "2.50")));

    /** One message as QueryMessages tells it: 1 (Pending) until due, then its outcome. */
    /** A message taken: 2 Scheduled until it is sent, then 1 Pending until its outcome is due. */
    record Message(String reference, int outcome, long sendAt, long dueAt) {
        int status() {
            long now = System.currentTimeMillis();
            return now >= dueAt ? outcome : now < sendAt ? 2 : 1;
        }
    }

    /** The sessions by id, with when each was last used. */
    static final Map<String, Long> SESSIONS = new ConcurrentHashMap<>();
    private static final Map<String, Message> MESSAGES = new ConcurrentHashMap<>();
    private static final Journal JOURNAL = new Journal("mobipace");
    private static final WireCount WIRE = new WireCount(SWITCHES, JOURNAL);

    static {
        SWITCHES.onReset(() -> {
            SESSIONS.clear();
            MESSAGES.clear();
            JOURNAL.clear();
        });
        for (String[] line : JOURNAL.lines()) {
            if (WIRE.restore(line)) {
                SWITCHES.count("accepted");
            } else if (line.length == 5 && "M".equals(line[0])) {
                MESSAGES.put(line[1], new Message(line[1], Integer.parseInt(line[2]), Long.parseLong(line[4]),
                        Long.parseLong(line[3])));
            }
        }
    }

    private MobipaceLedger() {
    }

    /**
     * Takes a message, counting it as a duplicate where its reference came before.
     *
     * @param refused the status it is refused with at once (5 InvalidMobile, 6 InvalidBody), or 0
     * @param sendAt  when it is sent (epoch milliseconds: its ScheduledDate, spread over SendWithinHours), or 0
     */
    static void take(String reference, int refused, long sendAt) {
        long at = Math.max(System.currentTimeMillis(), sendAt);
        Message message = refused != 0 ? new Message(reference, refused, 0, 0)
                : new Message(reference, (int) SWITCHES.number("outcome"), at, at + SWITCHES.number("deliveryDelayMillis"));
        SWITCHES.count("accepted");
        if (reference == null || reference.isBlank()) {
            return;
        }
        WIRE.arrived(reference);
        MESSAGES.put(reference.strip(), message);
        JOURNAL.append("M", reference.strip(), String.valueOf(message.outcome()), String.valueOf(message.dueAt()),
                String.valueOf(message.sendAt()));
    }

    static Message find(String reference) {
        return reference == null ? null : MESSAGES.get(reference.strip());
    }
}
