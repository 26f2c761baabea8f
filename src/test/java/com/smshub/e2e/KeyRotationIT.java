package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.MessageStatus;

/**
 * The credential store's key rotated as docs/operations.md says, on a server of its own: a new key generated into
 * the store (Elytron's tool), the server started with it as the sealing key and the old one as previous, so every
 * stored provider secret still opens (a message goes out through SMS Pro, whose password the old key sealed);
 * {@code POST /smshub/admin/secrets/reseal} seals them again (a second call finds nothing left); then started with
 * the new key alone, the providers still take messages: the old key is no longer needed. At the end the same
 * rotation back to the suite's key, so what the other tests' servers read opens with it.
 */
class KeyRotationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String OLD = "provider-secrets";
    private static final Pattern VALUES = Pattern.compile("\"values\":(\\d+)");

    private final OwnServer own = new OwnServer();
    private final Path home = Path.of(System.getProperty("jboss.home"));

    @Test
    void secretsSealedUnderTheOldKeyAreSealedAgainAndTheOldKeyCanGo() throws Exception {
        String rotated = "provider-secrets-" + System.currentTimeMillis();
        generateKey(rotated);
        own.deploy();
        try {
            run("key-rotation-both", List.of("-Dsmshub.secrets.alias=" + rotated, "-Dsmshub.secrets.previous-aliases=" + OLD), () -> {
                delivered("+46"); // SMS Pro: its password sealed by the old key
                assertTrue(reseal() > 0, "the demo accounts' secrets sealed again");
                assertEquals(0, reseal(), "nothing left for the old key");
            });
            run("key-rotation-new-only", List.of("-Dsmshub.secrets.alias=" + rotated), () -> {
                delivered("+46");
                delivered("+7"); // MOBIPACE: another account, another sealed password
                assertEquals(0, reseal());
            });
        } finally {
            run("key-rotation-back", List.of("-Dsmshub.secrets.alias=" + OLD, "-Dsmshub.secrets.previous-aliases=" + rotated),
                    () -> assertTrue(reseal() > 0, "sealed again under the suite's key"));
            own.undeploy();
        }
    }

    @FunctionalInterface
    private interface Steps {
        void run() throws Exception;
    }

    private void run(String name, List<String> settings, Steps steps) throws Exception {
        Process server = own.start(name, settings, () -> OwnServer.simulatorsUp() && HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Gateway.BASE + "/smshub/SmsGateway?wsdl")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        try {
            steps.run();
        } finally {
            OwnServer.kill(server, false);
        }
    }

    /** A message to the country's provider (README: +46 SMS Pro, +7 MOBIPACE) delivered. */
    private static void delivered(String country) {
        String recipient = country.equals("+46") ? Requests.uniqueRecipient()
                : country + "9" + String.format("%09d", (long) (Math.random() * 1_000_000_000L));
        String id = Gateway.demo().sendSms(Requests.text("Rotated", recipient)).getResult().get(0).getMessageId();
        Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == MessageStatus.DELIVERED);
    }

    private static int reseal() throws Exception {
        HttpResponse<String> answer = Operator.call("POST", "secrets/reseal", null);
        assertEquals(200, answer.statusCode(), answer.body());
        Matcher values = VALUES.matcher(answer.body());
        assertTrue(values.find(), answer.body());
        return Integer.parseInt(values.group(1));
    }

    /** A new key in the store, as an operator adds one: WildFly's own tool, on the store file. */
    private void generateKey(String alias) throws Exception {
        ProcessBuilder tool = new ProcessBuilder(home.resolve("bin/elytron-tool.sh").toString(), "credential-store",
                "--location", home.resolve("standalone/configuration/smshub-secrets.cs").toString(),
                "--type", "PropertiesCredentialStore", "--generate-secret-key", alias);
        tool.environment().put("JBOSS_HOME", home.toString());
        tool.redirectErrorStream(true);
        Process process = tool.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.contains(alias), output);
    }
}
