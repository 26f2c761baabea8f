package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.GetMessageStatus;
import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;

/**
 * kill -9 of WildFly in mid-stream through every provider, then a restart, twice: once with every account's policy for
 * ambiguous attempts at HOLD (the default), once at RESEND. SMS Pro takes up to 800 messages (600 in the second round)
 * in SendSms calls of 50 recipients a second, while MyMobileAPI, Masiv, MOBIPACE and myMSP (SMPP) each take a stream of
 * SendSms calls of one, every simulator answering slowly so that requests are in flight at the kill. No provider here
 * deduplicates (docs/reliability.md): each simulator counts what reached it again. With HOLD nothing is sent twice and
 * nothing is silently lost: every accepted message is DELIVERED, or UNKNOWN with the reason (an attempt the kill cut
 * off, which no later report settled). With RESEND every accepted message is DELIVERED, and the only duplicates are
 * attempts the kill cut off. The first round also has charges in flight: none made twice, each known or UNKNOWN and
 * reconciled. Prints a table per round (copied into docs/reliability.md), and how long each step took. Runs on its own
 * server process (OwnServer), after the Arquillian suite (a failsafe execution of its own), because it kills it.
 */
class CrashRecoveryIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("demo:demo-password".getBytes());
    private static final long BEGAN = System.nanoTime();

    private Process server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            kill(server, false);
        }
    }

    /** A provider as this test drives it: its demo account, its simulator's control address and its numbers. */
    private enum Provider {
        SMSPRO("smspro-simulator", "smspro", "+4673%07d"),
        MYMOBILEAPI("mymobileapi-simulator", "mymobileapi", "+2782%07d"),
        MASIV("masiv-simulator", "masiv", "+57316%07d"),
        MOBIPACE("mobipace-simulator", "mobipace", "+7925%07d"),
        MYMSP("mymsp-simulator", "smsc", "+474%07d");

        final String account;
        final String control;
        final String numbers;

        Provider(String account, String control, String numbers) {
            this.account = account;
            this.control = control;
            this.numbers = numbers;
        }

        Map<String, String> simulator(String query) throws IOException, InterruptedException {
            return Simulator.parse(post(Gateway.SIMULATOR + "/" + control + "/control" + (query.isEmpty() ? "" : "?" + query), "", null).body());
        }

        long counter(String name) throws IOException, InterruptedException {
            return Long.parseLong(simulator("").getOrDefault(name, "0"));
        }

        /** The simulator answers slowly, so that requests are in flight whenever the kill comes. */
        String slow() {
            return this == MYMSP ? "responseDelayMillis=200" : this == SMSPRO ? "sendFailure=SLOW&slowMillis=200" : "slowMillis=200";
        }
    }

    @Test
    void killMidStreamThroughEveryProviderSendsNothingTwiceAndLosesNothing() throws Exception {
        OwnServer own = new OwnServer().deploy();
        Map<Provider, String> accounts = new EnumMap<>(Provider.class);
        try {
            server = start(own, 1);
            // what the suite before left in the outbox (the same database) goes out first, before the counts start
            Simulator.settledCounter("accepted");
            say("the suite's leftovers sent");
            for (Provider provider : Provider.values()) {
                accounts.put(provider, account(provider.account));
            }

            Round hold = new Round("HOLD", 800, 300);
            Chargers chargers = hold.begin();
            hold.awaitMidStream();
            chargers.stop();
            kill(server, true);
            hold.stop();
            chargers.join();
            server = start(own, 2);
            hold.settle();
            hold.print();
            for (Provider provider : Provider.values()) {
                Tally t = hold.tallies.get(provider);
                assertEquals(0, t.twice, provider + ": with HOLD nothing is sent twice");
                assertEquals(t.accepted, t.delivered + t.held, provider + ": every message DELIVERED or UNKNOWN with its reason "
                        + t.others);
            }
            chargers.checkAfterRestart();
            say("charges checked and reconciled");

            for (Provider provider : Provider.values()) {
                putAccount(accounts.get(provider), "RESEND");
            }
            Round resend = new Round("RESEND", 600, 200);
            resend.begin();
            resend.awaitMidStream();
            kill(server, true);
            resend.stop();
            server = start(own, 3);
            resend.settle();
            resend.print();
            for (Provider provider : Provider.values()) {
                Tally t = resend.tallies.get(provider);
                assertEquals(t.accepted, t.delivered, provider + ": with RESEND every message is DELIVERED " + t.others);
                assertTrue(t.twice <= t.cutOff, provider + ": only attempts the kill cut off went twice: " + t.twice
                        + " sent twice, " + t.cutOff + " cut off");
            }
        } finally {
            if (server != null && server.isAlive()) {
                accounts.values().forEach(original -> {
                    try {
                        putAccount(original, null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            own.undeploy();
        }
    }

    /** What became of one provider's accepted messages after the restart. */
    private static final class Tally {
        long accepted;
        long delivered;
        /** UNKNOWN with the reason of an ambiguous attempt: held, never sent again. */
        long held;
        /** Attempts the kill cut off: those the restarted node's journal resolved (its counters). */
        long cutOff;
        long twice;
        final Map<String, Long> others = new TreeMap<>();
    }

    /**
     * One round: the five streams started, the kill awaited in mid-stream, and after the restart every accepted
     * message read back until nothing is left in flight.
     */
    private static final class Round {
        /** Recipients of one SendSms call to SMS Pro, one call a second. */
        private static final int SMSPRO_CALL = 50;
        private final String policy;
        private final int batchSize;
        private final long smsProAtKill;
        private final Map<Provider, List<String>> ids = new EnumMap<>(Provider.class);
        private final Map<Provider, Tally> tallies = new EnumMap<>(Provider.class);
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final List<Thread> streams = new ArrayList<>();

        Round(String policy, int batchSize, long smsProAtKill) {
            this.policy = policy;
            this.batchSize = batchSize;
            this.smsProAtKill = smsProAtKill;
        }

        /**
         * Simulators reset and slowed down, the five streams started (SMS Pro's up to its batch size); the chargers in
         * the first round.
         */
        Chargers begin() throws Exception {
            for (Provider provider : Provider.values()) {
                provider.simulator("reset=true");
                provider.simulator(provider.slow());
                ids.put(provider, Collections.synchronizedList(new ArrayList<>()));
            }
            Chargers chargers = null;
            if (policy.equals("HOLD")) {
                Provider.SMSPRO.simulator("billingDelayMillis=300");
                chargers = new Chargers();
            }
            int offset = policy.equals("HOLD") ? 0 : 5_000_000;
            // SMS Pro's messages come as calls of 50 recipients a second (more than its slowed simulator takes, so some
            // always wait), beside the other providers' streams: one batch sent up front filled the dispatch queue,
            // the streams waited behind it, and SMS Pro had nothing left in flight once they had all taken traffic
            Thread smsPro = new Thread(() -> {
                for (int from = 0; from < batchSize && !stopped.get(); from += SMSPRO_CALL) {
                    List<String> numbers = new ArrayList<>();
                    for (int n = from; n < Math.min(batchSize, from + SMSPRO_CALL); n++) {
                        numbers.add(String.format(Provider.SMSPRO.numbers, offset + n));
                    }
                    try {
                        ids.get(Provider.SMSPRO).addAll(sendSms("Crash " + policy + " SMS Pro " + from, numbers));
                        Thread.sleep(1000);
                    } catch (IOException | InterruptedException e) {
                        return; // the server died under the call
                    }
                }
            });
            smsPro.start();
            streams.add(smsPro);
            for (Provider provider : Provider.values()) {
                if (provider == Provider.SMSPRO) {
                    continue;
                }
                Thread stream = new Thread(() -> {
                    for (int n = 0; !stopped.get(); n++) {
                        try {
                            ids.get(provider).addAll(sendSms("Crash " + policy + " " + provider + " " + n,
                                    List.of(String.format(provider.numbers, offset + n))));
                            Thread.sleep(60);
                        } catch (IOException | InterruptedException e) {
                            return; // the server died under the call
                        }
                    }
                });
                stream.start();
                streams.add(stream);
            }
            return chargers;
        }

        /** Until every provider has taken messages and SMS Pro a part of the batch: then the kill. */
        void awaitMidStream() throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            Map<Provider, Long> taken = new EnumMap<>(Provider.class);
            while (System.nanoTime() < deadline) {
                for (Provider provider : Provider.values()) {
                    taken.put(provider, provider.counter(provider == Provider.SMSPRO ? "recipients" : "accepted"));
                }
                boolean all = taken.get(Provider.SMSPRO) >= smsProAtKill;
                for (Provider provider : Provider.values()) {
                    all &= taken.get(provider) >= 10;
                }
                if (all) {
                    say("kill -9 (%s) with the providers at %s", policy, taken);
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the providers never all took traffic: " + taken);
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (Thread stream : streams) {
                stream.join(30_000);
            }
        }

        /** Every accepted message read back until none is QUEUED or SUBMITTED and the UNKNOWN ones stay so for 15 s. */
        void settle() throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
            long unknownSince = 0;
            long lastUnknown = -1;
            int rounds = 0;
            while (true) {
                long open = 0;
                long unknown = 0;
                for (Provider provider : Provider.values()) {
                    Tally t = tally(provider);
                    tallies.put(provider, t);
                    open += t.others.getOrDefault("QUEUED", 0L) + t.others.getOrDefault("SUBMITTED", 0L);
                    unknown += t.held + t.others.getOrDefault("UNKNOWN", 0L);
                }
                if (unknown != lastUnknown) {
                    lastUnknown = unknown;
                    unknownSince = System.nanoTime();
                }
                if (open == 0 && System.nanoTime() - unknownSince > Duration.ofSeconds(15).toNanos()) {
                    say("%s settled: nothing in flight, UNKNOWN steady at %d", policy, unknown);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    print();
                    throw new AssertionError("messages still in flight after 8 minutes");
                }
                if (++rounds % 10 == 0) {
                    say("%s settling: %d in flight, %d UNKNOWN", policy, open, unknown);
                }
                Thread.sleep(2000);
            }
        }

        private Tally tally(Provider provider) throws Exception {
            Tally t = new Tally();
            List<String> all = List.copyOf(ids.get(provider));
            t.accepted = all.size();
            for (int from = 0; from < all.size(); from += 1000) {
                GetMessageStatus request = new GetMessageStatus();
                request.getMessageId().addAll(all.subList(from, Math.min(all.size(), from + 1000)));
                for (MessageState state : Gateway.demo().getMessageStatus(request).getMessage()) {
                    if (state.getStatus() == MessageStatus.DELIVERED) {
                        t.delivered++;
                    } else if (state.getStatus() == MessageStatus.UNKNOWN && state.getReasonCode() != null
                            && !"UNRESOLVED".equals(state.getReasonCode())) {
                        t.held++;
                        t.others.merge("UNKNOWN " + state.getReasonCode(), 1L, Long::sum);
                    } else {
                        t.others.merge(state.getStatus().name(), 1L, Long::sum);
                    }
                }
            }
            t.twice = provider.counter("duplicates");
            // the attempts the restarted node found cut off, held or resent by the policy (counted since it started)
            Map<String, Long> counters = counters();
            String name = provider.name().toLowerCase(java.util.Locale.ROOT);
            t.cutOff = counters.getOrDefault("dispatch.attempt-held." + name, 0L)
                    + counters.getOrDefault("dispatch.attempt-resent." + name, 0L);
            return t;
        }

        void print() {
            System.out.printf("kill -9 in mid-stream, every account's policy for ambiguous attempts %s:%n", policy);
            System.out.printf("  %-12s %9s %10s %8s %9s %11s  %s%n", "provider", "accepted", "DELIVERED", "UNKNOWN", "cut off",
                    "sent twice", "(UNKNOWN by reason; other statuses)");
            for (Map.Entry<Provider, Tally> entry : tallies.entrySet()) {
                Tally t = entry.getValue();
                System.out.printf("  %-12s %,9d %,10d %,8d %,9d %,11d  %s%n", entry.getKey(), t.accepted, t.delivered, t.held,
                        t.cutOff, t.twice, t.others);
            }
        }
    }

    /**
     * Charges asked for by eight callers, one after another each (Billing Pro answers after 300 ms), until the
     * kill: some answered, some in flight (recorded and sent, recorded and not sent, or not yet recorded).
     */
    private static final class Chargers {
        private static final long ORE = 300;
        private final List<String[]> charges = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger numbers = new AtomicInteger();
        private final List<Thread> callers = new ArrayList<>();

        Chargers() {
            for (int i = 0; i < 8; i++) {
                Thread caller = new Thread(() -> {
                    while (!stopped.get()) {
                        String[] charge = {"crash-charge-" + UUID.randomUUID(),
                                "+4676" + String.format("%07d", numbers.incrementAndGet())};
                        charges.add(charge);
                        try {
                            charge(charge);
                        } catch (IOException | InterruptedException e) {
                            return; // the server died under the call
                        }
                    }
                });
                caller.start();
                callers.add(caller);
            }
        }

        void stop() {
            stopped.set(true);
        }

        void join() throws InterruptedException {
            for (Thread caller : callers) {
                caller.join(30_000);
            }
        }

        /**
         * Every charge asked again with its reference: none made twice at the operator; each approved, or UNKNOWN
         * (its answer lost with the server) and then reconciled from the operator's records; printed.
         */
        void checkAfterRestart() throws Exception {
            int approved = 0;
            int unknown = 0;
            int reconciledApproved = 0;
            int reconciledDeclined = 0;
            for (String[] charge : charges) {
                String[] answer = Await.until(Duration.ofSeconds(60), () -> {
                    try {
                        return charge(charge);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }, a -> !"IN_PROGRESS".equals(a[2]));
                long charged = Long.parseLong(Simulator.set("to=" + charge[1].replace("+", "%2B")).get("balanceOre"));
                assertTrue(charged == 0 || charged == ORE, charge[1] + " charged " + charged + " öre for one charge of " + ORE);
                if ("APPROVED".equals(answer[1])) {
                    approved++;
                    assertEquals(ORE, charged, "an approved charge was made, once");
                } else {
                    assertEquals("OUTCOME_UNKNOWN", answer[2], "a charge is approved or unknown: " + String.join(" ", answer));
                    unknown++;
                    String outcome = charged == ORE ? "APPROVED" : "DECLINED";
                    HttpResponse<String> reconciled = operator("charges/" + answer[0] + "/reconciliation", "{\"outcome\":\"" + outcome + "\"}");
                    assertEquals(200, reconciled.statusCode(), reconciled.body());
                    assertEquals(outcome, charge(charge)[1], "reconciled, the charge is known");
                    if (charged == ORE) {
                        reconciledApproved++;
                    } else {
                        reconciledDeclined++;
                    }
                }
            }
            String twice = Simulator.state().get("chargedTwice");
            System.out.printf("kill -9 with charges in flight: %d charges asked for before the kill; after restart %d approved, "
                    + "%d UNKNOWN and reconciled from the operator's records (%d had been made, %d had not); "
                    + "charged twice at the operator: %s%n", charges.size(), approved, unknown, reconciledApproved,
                    reconciledDeclined, twice);
            assertTrue(charges.size() > 8, "charges were under way at the kill");
            assertEquals("0", twice, "no charge made twice");
        }

        /** ChargeSubscriber: chargeId, outcome and reason code. */
        private static String[] charge(String[] charge) throws IOException, InterruptedException {
            String body = post(Gateway.ENDPOINT, envelope("<v1:ChargeSubscriber><v1:clientReference>" + charge[0]
                    + "</v1:clientReference><v1:msisdn>" + charge[1] + "</v1:msisdn><v1:amount><v1:amount>3.00</v1:amount>"
                    + "<v1:currency>SEK</v1:currency></v1:amount></v1:ChargeSubscriber>"), AUTH).body();
            Matcher id = Pattern.compile("<chargeId>([^<]+)</chargeId>").matcher(body);
            Matcher outcome = Pattern.compile("<outcome>([^<]+)</outcome>").matcher(body);
            Matcher reason = Pattern.compile("<reasonCode>([^<]+)</reasonCode>").matcher(body);
            if (!id.find() || !outcome.find()) {
                throw new IOException("No charge in the answer: " + body);
            }
            return new String[] {id.group(1), outcome.group(1), reason.find() ? reason.group(1) : ""};
        }

        private static HttpResponse<String> operator(String path, String json) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(Gateway.BASE + "/smshub/admin/" + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:operator-password".getBytes()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** GET /smshub/admin/counters, read as name and number. */
    private static Map<String, Long> counters() throws Exception {
        HttpResponse<String> answer = Operator.call("GET", "counters", null);
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, Long> counters = new HashMap<>();
        Matcher entry = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\\d+)").matcher(answer.body());
        while (entry.find()) {
            counters.put(entry.group(1), Long.parseLong(entry.group(2)));
        }
        return counters;
    }

    /** The account's JSON object as GET /smshub/admin/provider-accounts answers it. */
    private static String account(String name) throws Exception {
        HttpResponse<String> all = Operator.call("GET", "provider-accounts", null);
        assertEquals(200, all.statusCode(), all.body());
        String body = all.body();
        int at = body.indexOf("\"name\":\"" + name + "\"");
        assertTrue(at > 0, name + " in " + body);
        int from = body.lastIndexOf('{', at);
        int depth = 0;
        for (int i = from; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                i = body.indexOf('"', i + 1); // no braces inside the strings of an account answer matter here
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return body.substring(from, i + 1);
            }
        }
        throw new AssertionError("no end to " + name + " in " + body);
    }

    /** Saves the account as read, with the policy for ambiguous attempts given (null: as read). */
    private static void putAccount(String json, String policy) throws Exception {
        Matcher name = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(json);
        assertTrue(name.find(), json);
        String saved = policy == null ? json : json.replaceAll("\"ambiguousAttempts\":\"[A-Z]+\"", "\"ambiguousAttempts\":\"" + policy + "\"");
        HttpResponse<String> put = Operator.call("PUT", "provider-accounts/" + name.group(1), saved);
        assertEquals(200, put.statusCode(), put.body());
    }

    /** SendSms to one or more numbers: the message ids, one a recipient. */
    private static List<String> sendSms(String text, List<String> numbers) throws IOException, InterruptedException {
        StringBuilder recipients = new StringBuilder();
        numbers.forEach(n -> recipients.append("<v1:recipient>").append(n).append("</v1:recipient>"));
        HttpResponse<String> response = post(Gateway.ENDPOINT, envelope("<v1:SendSms><v1:text>" + text + "</v1:text>" + recipients
                + "</v1:SendSms>"), AUTH);
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("<messageId>([^<]+)</messageId>").matcher(response.body());
        while (id.find()) {
            ids.add(id.group(1));
        }
        if (response.statusCode() != 200 || ids.size() != numbers.size()) {
            throw new IOException(response.statusCode() + " " + response.body());
        }
        return ids;
    }

    /** The server started, up once Ping answers and the simulators do. */
    private static Process start(OwnServer own, int run) throws Exception {
        Process process = own.start("crash-server-" + run, List.of(), () -> post(Gateway.ENDPOINT,
                envelope("<v1:Ping><v1:checkProviders>false</v1:checkProviders></v1:Ping>"), AUTH).statusCode() == 200
                && OwnServer.simulatorsUp());
        say("server %d up", run);
        return process;
    }

    /** A line of progress with the minutes and seconds since the test began: where its ten minutes go. */
    private static void say(String format, Object... args) {
        long seconds = Duration.ofNanos(System.nanoTime() - BEGAN).toSeconds();
        System.out.printf("[%d:%02d] %s%n", seconds / 60, seconds % 60, String.format(format, args));
    }

    private static void kill(Process process, boolean hard) throws InterruptedException {
        OwnServer.kill(process, hard);
    }

    private static HttpResponse<String> post(String url, String body, String auth) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/xml; charset=UTF-8")
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String envelope(String content) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v1=\"urn:smshub:gateway:v1\">"
                + "<soapenv:Body>" + content + "</soapenv:Body></soapenv:Envelope>";
    }
}
