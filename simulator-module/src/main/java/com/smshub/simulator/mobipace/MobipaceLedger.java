package com.smshub.simulator.mobipace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.smshub.simulator.Switches;

/**
 * What the MOBIPACE simulator keeps: its sessions (each expires after its idle time) and the messages it took,
 * by the reference each was sent with, with the status QueryMessages tells.
 */
public final class MobipaceLedger {

    /** The simulator's switches: its one account's credentials, and how it should answer. */
    public static final Switches SWITCHES = new Switches(Map.ofEntries(
            Map.entry("username", "smshub@mobipace.example"),
            Map.entry("password", "mobipace-password"),
            // a session expires after this long without a request (the document: 60 s)
            Map.entry("sessionIdleMillis", "60000"),
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
    record Message(String reference, int outcome, long dueAt) {
        int status() {
            return System.currentTimeMillis() >= dueAt ? outcome : 1;
        }
    }

    /** The sessions by id, with when each was last used. */
    static final Map<String, Long> SESSIONS = new ConcurrentHashMap<>();
    private static final Map<String, Message> MESSAGES = new ConcurrentHashMap<>();

    static {
        SWITCHES.onReset(() -> {
            SESSIONS.clear();
            MESSAGES.clear();
        });
    }

    private MobipaceLedger() {
    }

    /**
     * Takes a message: false when its reference was taken before (a duplicate, counted).
     *
     * @param refused the status it is refused with at once (5 InvalidMobile, 6 InvalidBody), or 0
     */
    static boolean take(String reference, int refused) {
        Message message = refused != 0 ? new Message(reference, refused, 0)
                : new Message(reference, (int) SWITCHES.number("outcome"), System.currentTimeMillis() + SWITCHES.number("deliveryDelayMillis"));
        if (reference != null && MESSAGES.putIfAbsent(reference.strip(), message) != null) {
            SWITCHES.count("duplicates");
            return false;
        }
        SWITCHES.count("accepted");
        return true;
    }

    static Message find(String reference) {
        return reference == null ? null : MESSAGES.get(reference.strip());
    }
}
