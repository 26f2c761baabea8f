package com.smshub.simulator.smspro;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the SMS Pro simulator was sent. The specification calls request_id a "customer defined ID" and promises
 * nothing of one sent again, so a request with a request_id seen before is taken again (a new mobilectrl_id, sent
 * again to the handset) and counted as a duplicate: what tests read to count messages sent twice on the wire.
 *
 * <p>Like a real provider it remembers across its own restarts: every accepted request, every duplicate and every
 * final report acknowledged is appended to {@code smshub-simulator/smspro-ledger.txt} in the server's data
 * directory and read back at start, so a test that kills the server mid-batch still counts what reached the
 * provider before the kill; a message taken before the restart is delivered since, and its report, not yet
 * acknowledged, is pushed again after it ({@link #unreported}).
 */
final class SmsProLedger {

    /**
     * One accepted MT request. It is in process (table 3 delivery status 1) until {@code deliverAt}, then
     * {@code outcome}: 0 delivered, -2 failed, or 1 for a message that never gets an outcome.
     */
    record Sent(String mobilectrlId, String requestId, List<String> recipients, String deliveryUrl, int outcome, long deliverAt) {

        int deliveryStatus() {
            return System.currentTimeMillis() >= deliverAt ? outcome : 1;
        }
    }

    private static final Map<String, Sent> BY_ID = new ConcurrentHashMap<>();
    private static final Map<String, String> BY_REQUEST = new ConcurrentHashMap<>();
    /** Taken before this start, final report not acknowledged yet. */
    private static final Map<String, Sent> UNREPORTED = new ConcurrentHashMap<>();
    /**
     * From the clock, as SMS Pro's ids never repeat: a redeployed simulator (a test suite deploys it more than once,
     * against the same gateway database) must not give a new message the id of an old one.
     */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());
    static final AtomicLong ACCEPTED = new AtomicLong();
    static final AtomicLong DUPLICATES = new AtomicLong();
    static final AtomicLong RECIPIENTS = new AtomicLong();
    static final AtomicLong ALIVE_CHECKS = new AtomicLong();
    /** Messages held until their start_delivery (table 1). */
    static final AtomicLong SCHEDULED = new AtomicLong();
    /** Messages whose valid_until ended before they could be delivered. */
    static final AtomicLong EXPIRED = new AtomicLong();
    /** Requests refused with 401: no or other additional credentials (Appendix 1). */
    static final AtomicLong UNAUTHORISED = new AtomicLong();
    /** Of those, requests that came with no Authorization header at all. */
    static final AtomicLong WITHOUT_AUTHORIZATION = new AtomicLong();
    /** Documents whose customer_id and password did not match (section 2). */
    static final AtomicLong WRONG_PASSWORD = new AtomicLong();
    /** Every MT request that reached the service, whatever became of it: a resend counts again here. */
    static final AtomicLong REQUESTS = new AtomicLong();
    /** The status_delivery_url of the last request that gave one: where its report goes, token and all. */
    static volatile String lastDeliveryUrl = "";
    private static final Path FILE = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
            "smshub-simulator", "smspro-ledger.txt");
    private static BufferedWriter journal;

    static {
        load();
    }

    private SmsProLedger() {
    }

    /**
     * The octets of the last {@code <message>} each recipient was sent, as they came on the wire (ISO-8859-1),
     * for the last 10,000 recipients (a benchmark's hundred thousand would only fill memory).
     */
    private static final Map<String, String> MESSAGE_OCTETS = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 10_000;
                }
            });

    /** Keeps the raw octets between {@code <message>} and {@code </message>} (a CDATA wrapper taken off). */
    /** How many MT messages each of the last 10,000 recipients was sent. */
    private static final Map<String, Long> MESSAGES_TO = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > 10_000;
                }
            });

    /** What the last message to each recipient carried beside its text, decoded (tests read it as received.*). */
    private static final Map<String, Map<String, String>> RECEIVED = Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
                    return size() > 10_000;
                }
            });

    static void received(List<String> recipients, Map<String, String> fields) {
        for (String recipient : recipients) {
            RECEIVED.put(recipient, Map.copyOf(fields));
        }
    }

    static Map<String, String> received(String recipient) {
        return RECEIVED.getOrDefault(recipient, Map.of());
    }

    static long messagesTo(String recipient) {
        return MESSAGES_TO.getOrDefault(recipient, 0L);
    }

    static void messageOctets(List<String> recipients, byte[] body) {
        for (String recipient : recipients) {
            MESSAGES_TO.merge(recipient, 1L, Long::sum);
        }
        String wire = new String(body, StandardCharsets.ISO_8859_1);
        int start = wire.indexOf("<message>");
        int end = wire.indexOf("</message>");
        if (start < 0 || end < start) {
            return;
        }
        String inner = wire.substring(start + "<message>".length(), end);
        if (inner.startsWith("<![CDATA[") && inner.endsWith("]]>")) {
            inner = inner.substring(9, inner.length() - 3);
        }
        String hex = java.util.HexFormat.of().formatHex(inner.getBytes(StandardCharsets.ISO_8859_1));
        for (String recipient : recipients) {
            MESSAGE_OCTETS.put(recipient, hex);
        }
    }

    static String messageOctets(String recipient) {
        return MESSAGE_OCTETS.getOrDefault(recipient, "");
    }

    static String newId() {
        return "57:5aa434:eac0a56a0b:" + Long.toHexString(SEQUENCE.incrementAndGet());
    }

    /** Takes a request, counted as a duplicate where its request_id came before. */
    static void record(Sent sent) {
        BY_ID.put(sent.mobilectrlId(), sent);
        if (sent.requestId() != null && !sent.requestId().isBlank()
                && BY_REQUEST.putIfAbsent(sent.requestId().strip(), sent.mobilectrlId()) != null) {
            duplicate(sent.requestId());
        }
        ACCEPTED.incrementAndGet();
        RECIPIENTS.addAndGet(sent.recipients().size());
        if (sent.deliveryUrl() != null) {
            lastDeliveryUrl = sent.deliveryUrl();
        }
        append("A " + sent.mobilectrlId() + " " + (sent.requestId() == null || sent.requestId().isBlank() ? "-" : sent.requestId().strip())
                + " " + sent.recipients().size() + " " + (sent.deliveryUrl() == null ? "-" : sent.deliveryUrl().strip().replace(" ", "%20"))
                + " " + sent.outcome());
    }

    /** The final report of this message was acknowledged: it is not pushed again after a restart. */
    static void reported(String mobilectrlId) {
        UNREPORTED.remove(mobilectrlId);
        append("R " + mobilectrlId);
    }

    /** Messages taken before this start whose final report was never acknowledged: pushed again now. */
    static List<Sent> unreported() {
        return List.copyOf(UNREPORTED.values());
    }

    /** A charge Billing Pro made (öre, negative for a credit): journaled, so that a restart still knows it. */
    static void billed(String requestId, String msisdn, long ore) {
        append("B " + (requestId.isEmpty() ? "-" : requestId) + " " + msisdn + " " + ore);
    }

    static void duplicate(String requestId) {
        DUPLICATES.incrementAndGet();
        append("D " + requestId.strip());
    }

    static Sent find(String mobilectrlId) {
        return mobilectrlId == null ? null : BY_ID.get(mobilectrlId.strip());
    }

    static synchronized void clear() {
        MESSAGE_OCTETS.clear();
        MESSAGES_TO.clear();
        BY_ID.clear();
        BY_REQUEST.clear();
        UNREPORTED.clear();
        ACCEPTED.set(0);
        DUPLICATES.set(0);
        RECIPIENTS.set(0);
        ALIVE_CHECKS.set(0);
        REQUESTS.set(0);
        lastDeliveryUrl = "";
        try {
            if (journal != null) {
                journal.close();
            }
            Files.deleteIfExists(FILE);
            journal = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void append(String line) {
        try {
            if (journal == null) {
                Files.createDirectories(FILE.getParent());
                journal = Files.newBufferedWriter(FILE, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            journal.write(line);
            journal.newLine();
            journal.flush(); // into the operating system: survives the kill of this process
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load() {
        if (!Files.exists(FILE)) {
            return;
        }
        try {
            long highest = SEQUENCE.get();
            for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
                String[] part = line.split(" ");
                if (part[0].equals("B") && part.length == 4) {
                    SmsProBilling.restore(part[1], part[2], Long.parseLong(part[3]));
                }
                if (part[0].equals("A") && part.length >= 4) {
                    String url = part.length > 4 && !part[4].equals("-") ? part[4] : null;
                    int outcome = part.length > 5 ? Integer.parseInt(part[5]) : 0;
                    // delivered since the restart, its outcome as it was to be
                    Sent sent = new Sent(part[1], part[2], List.of(), url, outcome, 0);
                    BY_ID.put(part[1], sent);
                    if (url != null && outcome != 1) {
                        UNREPORTED.put(part[1], sent);
                    }
                    if (!part[2].equals("-")) {
                        BY_REQUEST.putIfAbsent(part[2], part[1]);
                    }
                    ACCEPTED.incrementAndGet();
                    RECIPIENTS.addAndGet(Integer.parseInt(part[3]));
                    highest = Math.max(highest, Long.parseLong(part[1].substring(part[1].lastIndexOf(':') + 1), 16));
                } else if (part[0].equals("D")) {
                    DUPLICATES.incrementAndGet();
                } else if (part[0].equals("R") && part.length == 2) {
                    UNREPORTED.remove(part[1]);
                }
            }
            SEQUENCE.set(highest);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Unreadable simulator ledger " + FILE, e);
        }
    }
}
