package com.smshub.simulator.masiv;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.smshub.simulator.Journal;
import com.smshub.simulator.Switches;
import com.smshub.simulator.WireCount;

/**
 * What the Masiv simulator took: each message (each part) by its id, with the status getMessage tells, and what
 * reached it by recipient and text (Masiv's request carries no id of ours), counted where it came again. Kept in
 * its journal across restarts ({@link Journal}).
 */
public final class MasivLedger {

    /** The simulator's switches: its one account's credentials, and how it should answer. */
    public static final Switches SWITCHES = new Switches(Map.of(
            "username", "smshub",
            "password", "masiv-password",
            // answer sendmessage with this error code (1, 1156-1160, 1164, 8734) instead of taking the message
            "errorCode", "0",
            // answer sendmessage this late (after taking it; the counter mostSendInFlight keeps how many at once)
            "slowMillis", "0",
            // answer getMessage this late (the counter mostStatusInFlight keeps how many were in flight at once)
            "statusSlowMillis", "0",
            // the getMessage status a message reaches (0-6), and when; a sequence ("2,4": delivered to the network,
            // then a delivery error) reaches each in turn, one deliveryDelayMillis apart
            "outcome", "3",
            "deliveryDelayMillis", "100",
            // the parts of a long message: one id for all (as the document's example) or an id each
            "partIds", "same",
            // the zone sendondate is read in (the document does not say; the gateway's default is UTC)
            "timeZone", "UTC"));

    /**
     * One message part as getMessage tells it: status 0 from its acceptance until it is sent (at once, or at its
     * sendondate), then each of its outcomes in turn, one step apart.
     */
    record Part(String id, int[] outcomes, long acceptedAt, long sendAt, long step) {
        /** How many of its outcomes the part has reached by now. */
        private int reached() {
            long now = System.currentTimeMillis();
            if (now < sendAt) {
                return 0;
            }
            long steps = step <= 0 ? outcomes.length : (now - sendAt) / step;
            return (int) Math.min(steps, outcomes.length);
        }

        int status() {
            int reached = reached();
            return reached == 0 ? 0 : outcomes[reached - 1];
        }

        /** getMessage's date: when the part reached the status told, in UTC. */
        String date() {
            int reached = reached();
            long at = reached == 0 ? acceptedAt : sendAt + reached * Math.max(step, 0);
            return DATE.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(at), ZoneOffset.UTC));
        }
    }

    private static final Map<String, Part> PARTS = new ConcurrentHashMap<>();
    /** From the clock: a redeployed simulator never gives a new message the id of one it took before. */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");
    private static final Journal JOURNAL = new Journal("masiv");
    static final WireCount WIRE = new WireCount(SWITCHES, JOURNAL);

    static {
        SWITCHES.onReset(() -> {
            PARTS.clear();
            JOURNAL.clear();
        });
        for (String[] line : JOURNAL.lines()) {
            if (WIRE.restore(line)) {
                SWITCHES.count("accepted"); // each message taken arrived once
            } else if (line.length == 6 && "P".equals(line[0])) {
                int[] outcomes = Arrays.stream(line[2].split(",")).mapToInt(Integer::parseInt).toArray();
                PARTS.put(line[1], new Part(line[1], outcomes, Long.parseLong(line[3]), Long.parseLong(line[5]),
                        Long.parseLong(line[4])));
            }
        }
    }

    private MasivLedger() {
    }

    static String newId() {
        return String.valueOf(IDS.incrementAndGet());
    }

    /** Takes a part to be sent at this time (epoch milliseconds; now or earlier: at once). */
    static void take(String id, long sendAt) {
        long now = System.currentTimeMillis();
        int[] outcomes = Arrays.stream(SWITCHES.get("outcome").split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).toArray();
        long step = SWITCHES.number("deliveryDelayMillis");
        long at = Math.max(now, sendAt);
        PARTS.putIfAbsent(id, new Part(id, outcomes, now, at, step));
        JOURNAL.append("P", id, SWITCHES.get("outcome").replace(" ", ""), String.valueOf(now), String.valueOf(step),
                String.valueOf(at));
    }

    static Part find(String id) {
        return id == null ? null : PARTS.get(id.strip());
    }
}
