package com.smshub.simulator.masiv;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.smshub.simulator.Switches;

/** What the Masiv simulator took: each message (each part) by its id, with the status getMessage tells. */
public final class MasivLedger {

    /** The simulator's switches: its one account's credentials, and how it should answer. */
    public static final Switches SWITCHES = new Switches(Map.of(
            "username", "smshub",
            "password", "masiv-password",
            // answer sendmessage with this error code (1, 1156-1160, 1164, 8734) instead of taking the message
            "errorCode", "0",
            // answer sendmessage this late (after taking it)
            "slowMillis", "0",
            // the getMessage status a message reaches (0-6), and when; a sequence ("2,4": delivered to the network,
            // then a delivery error) reaches each in turn, one deliveryDelayMillis apart
            "outcome", "3",
            "deliveryDelayMillis", "100",
            // the parts of a long message: one id for all (as the document's example) or an id each
            "partIds", "same"));

    /**
     * One message part as getMessage tells it: status 0 from its acceptance, then each of its outcomes in turn, one
     * step apart.
     */
    record Part(String id, int[] outcomes, long acceptedAt, long step) {
        /** How many of its outcomes the part has reached by now. */
        private int reached() {
            long steps = step <= 0 ? outcomes.length : (System.currentTimeMillis() - acceptedAt) / step;
            return (int) Math.min(steps, outcomes.length);
        }

        int status() {
            int reached = reached();
            return reached == 0 ? 0 : outcomes[reached - 1];
        }

        /** getMessage's date: when the part reached the status told, in UTC. */
        String date() {
            long at = acceptedAt + reached() * Math.max(step, 0);
            return DATE.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(at), ZoneOffset.UTC));
        }
    }

    private static final Map<String, Part> PARTS = new ConcurrentHashMap<>();
    /** From the clock: a redeployed simulator never gives a new message the id of one it took before. */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");

    static {
        SWITCHES.onReset(PARTS::clear);
    }

    private MasivLedger() {
    }

    static String newId() {
        return String.valueOf(IDS.incrementAndGet());
    }

    static void take(String id) {
        long now = System.currentTimeMillis();
        int[] outcomes = Arrays.stream(SWITCHES.get("outcome").split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).toArray();
        PARTS.putIfAbsent(id, new Part(id, outcomes, now, SWITCHES.number("deliveryDelayMillis")));
    }

    static Part find(String id) {
        return id == null ? null : PARTS.get(id.strip());
    }
}
