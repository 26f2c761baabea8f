package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of WildFly in the middle of a 10,000-message batch, then a restart: every accepted message still
 * reaches the provider, and the only messages sent twice are ones that were in flight at the kill, each
 * with the same reference (SMS Pro request_id) both times; and, with charges in flight at the kill, no charge
 * made twice, each known or UNKNOWN and reconciled. Prints the counts. Runs on its own server
 * process, after the Arquillian suite (a failsafe execution of its own), because it kills it.
 */
class CrashRecoveryIT {

    private static final int MESSAGES = 10_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("demo:demo-password".getBytes());

    private Process server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            kill(server, false);
        }
    }

    @Test
    void killDuringBatchLosesNothingAndDuplicatesOnlyWhatWasInFlight() throws Exception {
        Path home = Path.of(System.getProperty("jboss.home"));
        Path deployments = home.resolve("standalone/deployments");
        Files.copy(Path.of(System.getProperty("smshub.ear")), deployments.resolve("smshub.ear"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(System.getProperty("smshub.simulator.war")), deployments.resolve("smshub-simulator.war"),
                StandardCopyOption.REPLACE_EXISTING);
        try {
            server = start(home, 1);
            // what the suite before left in the outbox (the same database) goes out first, before the count starts
            Simulator.settledCounter("accepted");
            post(Gateway.SIMULATOR + "/smspro/control?reset=true", "", null);

            post(Gateway.SIMULATOR + "/smspro/control?billingDelayMillis=300", "", null);
            String batchId = sendBatch();
            Chargers chargers = new Chargers();
            awaitCounter("accepted", 1500, Duration.ofSeconds(120));
            chargers.stop();
            kill(server, true);
            chargers.join();
            server = start(home, 2);
            long reachedBeforeKill = Simulator.counter("accepted"); // the simulator's ledger, read back at restart

            long[] finished = awaitBatch(batchId, Duration.ofMinutes(6));
            long unique = Simulator.counter("accepted");
            long duplicates = Simulator.counter("duplicates");
            System.out.printf("kill -9 during a %,d-message batch: %,d had reached the SMS Pro simulator at the kill; "
                    + "after restart %,d finished, %,d DELIVERED; the simulator saw %,d distinct messages and %,d sent "
                    + "twice (same request_id; at most the 16 dispatches in flight)%n",
                    MESSAGES, reachedBeforeKill, finished[0], finished[1], unique, duplicates);
            assertTrue(reachedBeforeKill < MESSAGES, "the kill came in the middle of the batch");
            assertEquals(MESSAGES, finished[0], "every accepted message reached a final status");
            assertEquals(MESSAGES, finished[1], "and it is DELIVERED");
            assertEquals(MESSAGES, unique, "every accepted message reached the provider, once by its reference");
            assertTrue(duplicates <= 16, "only messages in flight at the kill went twice: " + duplicates);

            chargers.checkAfterRestart();
        } finally {
            Files.deleteIfExists(deployments.resolve("smshub.ear"));
            Files.deleteIfExists(deployments.resolve("smshub-simulator.war"));
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

    private static String sendBatch() throws Exception {
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < MESSAGES; i++) {
            messages.append("<v1:message><v1:text>Crash test ").append(i).append("</v1:text><v1:recipient>+4673")
                    .append(String.format("%07d", i)).append("</v1:recipient></v1:message>");
        }
        HttpResponse<String> response = post(Gateway.ENDPOINT, envelope("<v1:SendBatch><v1:clientReference>crash-"
                + UUID.randomUUID() + "</v1:clientReference>" + messages + "</v1:SendBatch>"), AUTH);
        Matcher id = Pattern.compile("<batchId>([^<]+)</batchId>").matcher(response.body());
        assertTrue(response.statusCode() == 200 && id.find(), response.body());
        return id.group(1);
    }

    /** finished and DELIVERED counts once the batch is finished, or when the time is up. */
    private static long[] awaitBatch(String batchId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long[] counts = {0, 0};
        while (System.nanoTime() < deadline) {
            String body = post(Gateway.ENDPOINT, envelope("<v1:GetBatchStatus><v1:batchId>" + batchId
                    + "</v1:batchId></v1:GetBatchStatus>"), AUTH).body();
            Matcher finished = Pattern.compile("<finished>(\\d+)</finished>").matcher(body);
            Matcher delivered = Pattern.compile("<status>DELIVERED</status><count>(\\d+)</count>").matcher(body);
            counts[0] = finished.find() ? Long.parseLong(finished.group(1)) : 0;
            counts[1] = delivered.find() ? Long.parseLong(delivered.group(1)) : 0;
            if (counts[0] == MESSAGES) {
                return counts;
            }
            Thread.sleep(1000);
        }
        return counts;
    }

    private static void awaitCounter(String name, long atLeast, Duration timeout) throws InterruptedException {
        Await.until(timeout, () -> Simulator.counter(name), n -> n >= atLeast);
    }

    private static Process start(Path home, int run) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
                "-Dsmshub.demo-data=true", "-Dsmshub.dispatch.redelivery-delay-ms=100", "-Dsmshub.provider.timeout-seconds=3",
                "-Dsmshub.status.first-poll-seconds=2", "-Dsmshub.status.poll-interval-ms=1000", "-Dsmshub.status.poll-backoff-seconds=2", "-Dsmshub.dispatch.stale-seconds=20",
                "-Dsmshub.billing.unknown-after-seconds=5"));
        for (String arg : System.getProperty("smshub.test.server.args", "").split(" ")) {
            if (!arg.isBlank()) {
                command.add(arg);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File("target/crash-server-" + run + ".log"));
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ping = post(Gateway.ENDPOINT, envelope("<v1:Ping><v1:checkProviders>false</v1:checkProviders></v1:Ping>"), AUTH);
                if (ping.statusCode() == 200 && get(Gateway.SIMULATOR + "/smspro/control").statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("WildFly did not start; see target/crash-server-" + run + ".log");
    }

    /** SIGKILL (kill -9) of the server's JVM and its launcher script, or a plain stop. */
    private static void kill(Process process, boolean hard) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle handle : all) {
            if (hard) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        }
        for (ProcessHandle handle : all) {
            handle.onExit().join();
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
