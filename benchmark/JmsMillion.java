import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A million messages over JMS, as an ERP's nightly run would send them: SendBatch documents of 20,000 messages (the
 * contract's most) on {@code smshub.batches}, sent logged in as the demo tenant over the web port, with up to
 * {@link #WINDOW} documents awaiting their acceptance at a time. Every message is scheduled a day ahead to the demo
 * route to myMSP (+474, SMPP); myMSP schedules itself, so dispatch hands them over while the rest are accepted, as
 * in production, and no receipt comes within the run. The SMSC simulator runs in a JVM of its own (run.sh), so what
 * it keeps of a million messages is not in the server's heap (the HTTP simulators, deployed in the server, keep every
 * message they took for tests to read). Prints, for each tenth of the
 * million, how long its acceptance took and the lowest the server's heap came down to in that time (from the GC log
 * run.sh has the server write), then whether the time was linear (the second half's rate against the first's) and
 * the heap flat (the slope of each tenth's low point, after the first). Run by run.sh with the Artemis client on the
 * class path: {@code java -cp <artemis-jakarta-client> benchmark/JmsMillion.java [messages] [gc-log]}. Prints its
 * figures; it asserts nothing.
 */
public class JmsMillion {

    static final int PER_DOCUMENT = 20_000;
    static final int WINDOW = 8;
    /** A collection that frees memory (G1's young, mixed and full pauses; not a marking cycle's remark or cleanup). */
    static final Pattern COLLECTION =
            Pattern.compile("GC\\(\\d+\\) Pause (?:Young|Full).* (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");
    static final Pattern FULL = Pattern.compile("Pause Full \\([^)]*\\) \\d+M->(\\d+)M");
    static final Pattern COUNT = Pattern.compile("<(?:\\w+:)?messageCount>(\\d+)<");

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path gcLog = Path.of(args.length > 1 ? args[1] : "benchmark/target/gc.log");
        int documents = (messages + PER_DOCUMENT - 1) / PER_DOCUMENT;
        int tenth = Math.max(1, documents / 10);
        String run = Long.toString(System.currentTimeMillis(), 36);
        String scheduled = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        System.out.printf("JMS: %,d messages in %d SendBatch documents of %,d, at most %d awaiting acceptance, all "
                + "scheduled for %s%n", messages, documents, PER_DOCUMENT, WINDOW, scheduled);
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                "tcp://localhost:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor");
        factory.setEnable1xPrefixes(true);
        try (factory; JMSContext jms = factory.createContext("demo", "demo-password")) {
            Queue batches = jms.createQueue("smshub.batches");
            TemporaryQueue replies = jms.createTemporaryQueue();
            JMSProducer producer = jms.createProducer().setJMSReplyTo(replies);
            long liveBefore = liveHeap(gcLog);
            long gcLines = gcLines(gcLog).size();
            List<Long> retained = new ArrayList<>();
            long started = System.nanoTime();
            long tenthStarted = started;
            int sent = 0;
            int accepted = 0;
            long acceptedMessages = 0;
            long atLastPart = 0;
            List<Double> rates = new ArrayList<>();
            try (JMSConsumer consumer = jms.createConsumer(replies)) {
                while (accepted < documents) {
                    while (sent < documents && sent - accepted < WINDOW) {
                        int size = Math.min(PER_DOCUMENT, messages - sent * PER_DOCUMENT);
                        producer.send(batches, document(run, sent, size, scheduled));
                        sent++;
                    }
                    Message reply = consumer.receive(600_000);
                    if (reply == null) {
                        throw new IllegalStateException("no acceptance within 10 minutes after " + accepted
                                + " documents");
                    }
                    String body = ((TextMessage) reply).getText();
                    Matcher count = COUNT.matcher(body);
                    if (!count.find()) {
                        throw new IllegalStateException("document refused: " + body);
                    }
                    acceptedMessages += Long.parseLong(count.group(1));
                    accepted++;
                    if (accepted % tenth == 0 || accepted == documents) {
                        long now = System.nanoTime();
                        List<String> lines = gcLines(gcLog);
                        long least = Long.MAX_VALUE;
                        for (String line : lines.subList((int) Math.min(gcLines, lines.size()), lines.size())) {
                            Matcher collection = COLLECTION.matcher(line);
                            if (collection.find()) {
                                least = Math.min(least, Long.parseLong(collection.group(2)));
                            }
                        }
                        gcLines = lines.size();
                        double took = (now - tenthStarted) / 1e9;
                        long part = acceptedMessages - atLastPart;
                        rates.add(part / took);
                        retained.add(least);
                        System.out.printf("  to %,9d accepted: %6.1f s for these %,d (%,.0f a second); the heap "
                                + "came down to %s%n", acceptedMessages, took, part, part / took,
                                least == Long.MAX_VALUE ? "(no collection)" : least + " MiB");
                        tenthStarted = now;
                        atLastPart = acceptedMessages;
                    }
                }
            }
            double total = (System.nanoTime() - started) / 1e9;
            long liveAfter = liveHeap(gcLog);
            // halves, not single parts: four listeners answer in bursts, so one part can take the time of another
            int half = rates.size() / 2;
            System.out.printf("JMS, %,d messages accepted in %.1f s: %,.0f a second; the second half's rate %.2fx the "
                    + "first's (1.0 is linear time); the heap's low point grew %+.1f MiB a tenth after the first (0 is "
                    + "a flat heap; the first tenth is the listeners' start)%n", acceptedMessages, total,
                    acceptedMessages / total,
                    harmonic(rates.subList(half, rates.size())) / harmonic(rates.subList(0, half)),
                    slope(retained.subList(Math.min(1, retained.size() - 1), retained.size())));
            System.out.printf("  the server's live heap (after a full collection): %d MiB before the first document, %d "
                    + "MiB after the last acceptance (what the dispatch still under way and the simulators hold included)%n",
                    liveBefore, liveAfter);
        }
    }

    /** One SendBatch document of {@code size} messages, each to its own number, all scheduled. */
    static String document(String run, int index, int size, String scheduled) {
        StringBuilder xml = new StringBuilder(size * 160 + 200);
        xml.append("<SendBatch xmlns=\"urn:smshub:gateway:v1\"><clientReference>million-").append(run).append('-')
                .append(index).append("</clientReference><name>a million over JMS</name>");
        // Norway's mobile numbers: +47 and eight digits, the first a 4; +4743000000 to +4743999999
        long first = 4_743_000_000L + (long) index * PER_DOCUMENT;
        for (int i = 0; i < size; i++) {
            xml.append("<message><text>Your invoice is ready</text><scheduledAt>").append(scheduled)
                    .append("</scheduledAt><itemReference>i").append(i).append("</itemReference><recipient>+")
                    .append(first + i).append("</recipient></message>");
        }
        return xml.append("</SendBatch>").toString();
    }

    /** The least-squares slope of values taken at equal steps, those with no collection left out. */
    static double slope(List<Long> values) {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int x = 0; x < values.size(); x++) {
            if (values.get(x) != Long.MAX_VALUE) {
                n++;
                sx += x;
                sy += values.get(x);
                sxx += (double) x * x;
                sxy += (double) x * values.get(x);
            }
        }
        return n < 2 ? Double.NaN : (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /** The rate of parts of equal size taken together. */
    static double harmonic(List<Double> rates) {
        return rates.size() / rates.stream().mapToDouble(rate -> 1 / rate).sum();
    }

    /** The server's heap after a full collection asked of it now (jcmd GC.run), as its GC log says; -1 if unknown. */
    static long liveHeap(Path gcLog) throws Exception {
        long server = ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/java")
                && p.info().commandLine().orElse("").contains("jboss-modules.jar")).findFirst().orElseThrow().pid();
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(server), "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        jcmd.waitFor();
        long live = -1;
        for (String line : gcLines(gcLog)) {
            Matcher full = FULL.matcher(line);
            if (full.find()) {
                live = Long.parseLong(full.group(1));
            }
        }
        return live;
    }

    static List<String> gcLines(Path gcLog) throws java.io.IOException {
        return Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
    }
}
