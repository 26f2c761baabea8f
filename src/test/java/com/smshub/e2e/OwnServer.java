package com.smshub.e2e;

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
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The provisioned WildFly started by a test itself, as {@code standalone.sh} starts it, with the EAR and the
 * simulators in its deployments directory: for the tests that kill the server or start it with settings of their
 * own. They run in a failsafe execution of their own, after the Arquillian suite has stopped the shared server.
 */
final class OwnServer {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What the Arquillian suite's server is started with (arquillian.xml), for the same timings. */
    private static final List<String> TEST_SETTINGS = List.of("-Dsmshub.demo-data=true", "-Dsmshub.dispatch.redelivery-delay-ms=100",
            "-Dsmshub.provider.timeout-seconds=3", "-Dsmshub.status.first-poll-seconds=2", "-Dsmshub.status.poll-interval-ms=1000",
            "-Dsmshub.status.poll-backoff-seconds=2", "-Dsmshub.dispatch.stale-seconds=20", "-Dsmshub.billing.unknown-after-seconds=5");

    private final Path home = Path.of(System.getProperty("jboss.home"));
    private final Path deployments = home.resolve("standalone/deployments");

    /** The EAR and the simulators copied into the deployments directory, where the server deploys them at start. */
    OwnServer deploy() throws IOException {
        Files.copy(Path.of(System.getProperty("smshub.ear")), deployments.resolve("smshub.ear"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(System.getProperty("smshub.simulator.war")), deployments.resolve("smshub-simulator.war"),
                StandardCopyOption.REPLACE_EXISTING);
        return this;
    }

    /** Taken out of the deployments directory again, so that the next server provisioned from this home starts clean. */
    void undeploy() throws IOException {
        Files.deleteIfExists(deployments.resolve("smshub.ear"));
        Files.deleteIfExists(deployments.resolve("smshub-simulator.war"));
    }

    /**
     * Starts the server with the test settings and {@code settings}, its output in {@code target/<name>.log}, and
     * returns once {@code up} answers true (within three minutes).
     */
    Process start(String name, List<String> settings, Callable<Boolean> up) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml"));
        command.addAll(TEST_SETTINGS);
        command.addAll(settings);
        for (String arg : System.getProperty("smshub.test.server.args", "").split(" ")) {
            if (!arg.isBlank()) {
                command.add(arg);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File("target/" + name + ".log"));
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (up.call()) {
                    return process;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        kill(process, true);
        throw new AssertionError("WildFly did not start; see target/" + name + ".log");
    }

    /** Whether the simulators answer at their control address: the server is up and has deployed them. */
    static boolean simulatorsUp() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Gateway.SIMULATOR + "/smspro/control")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** SIGKILL (kill -9) of the server's JVM and its launcher script, or a plain stop; returns when both are gone. */
    static void kill(Process process, boolean hard) throws InterruptedException {
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
}
