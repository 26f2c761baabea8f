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
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of WildFly in the middle of a 10,000-message batch, then a restart: every accepted message still
 * reaches the provider, and the only messages sent twice are ones that were in flight at the kill, each
 * with the same reference (SMS Pro request_id) both times. Prints the counts. Runs on its own server
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
            post(Gateway.SIMULATOR + "/smspro/control?reset=true", "", null);

            String batchId = sendBatch();
            awaitCounter("accepted", 1500, Duration.ofSeconds(120));
            kill(server, true);
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
        } finally {
            Files.deleteIfExists(deployments.resolve("smshub.ear"));
            Files.deleteIfExists(deployments.resolve("smshub-simulator.war"));
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
                "-Dsmshub.status.first-poll-seconds=2", "-Dsmshub.status.poll-interval-ms=1000", "-Dsmshub.status.poll-backoff-seconds=2", "-Dsmshub.dispatch.stale-seconds=20"));
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
