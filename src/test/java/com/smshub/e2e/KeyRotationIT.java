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
 * The credential store's key rotated as docs/operations.md says, on a server of its own, twice so that it ends as it
 * began: a new key generated into the store (Elytron's tool); the server started with the new key as the sealing
 * one and the suite's as previous, where an operator sets up an account (its password, push key, push password and
 * a secret setting all sealed by the new key) and a message still goes out through SMS Pro, whatever key sealed the
 * demo accounts; then started with the suite's key as the sealing one and the new key as previous: the account's
 * push addresses still open (its key and push password, sealed by the previous key), {@code POST
 * /smshub/admin/secrets/reseal} seals them again, and a second call finds nothing left (a value is left alone only
 * where the current key opens it), so the previous key is no longer needed; a message goes out through MOBIPACE.
 */
class KeyRotationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SUITE_KEY = "provider-secrets";
    private static final String ACCOUNT = "key-rotation-it";
    private static final Pattern VALUES = Pattern.compile("\"values\":(\\d+)");

    private final OwnServer own = new OwnServer();
    private final Path home = Path.of(System.getProperty("jboss.home"));

    @Test
    void whatThePreviousKeySealedOpensIsSealedAgainAndThePreviousKeyCanGo() throws Exception {
        String rotated = "provider-secrets-" + System.currentTimeMillis();
        generateKey(rotated);
        own.deploy();
        String[] addresses = new String[1];
        try {
            run("key-rotation-new", List.of("-Dsmshub.secrets.alias=" + rotated, "-Dsmshub.secrets.previous-aliases=" + SUITE_KEY), () -> {
                HttpResponse<String> saved = Operator.call("PUT", "provider-accounts/" + ACCOUNT, "{\"provider\":\"SMSPRO\","
                        + "\"endpointUrl\":\"http://127.0.0.1:9/\",\"username\":\"u\",\"secret\":\"rotation-secret\",\"enabled\":false,"
                        + "\"pushUsername\":\"pusher\",\"pushPassword\":\"push-secret\",\"settings\":{" + Operator.SMSPRO_BASIC + "}}");
                assertTrue(saved.statusCode() == 201 || saved.statusCode() == 200, saved.body());
                addresses[0] = pushAddresses();
                delivered("+46");
            });
        } finally {
            run("key-rotation-back", List.of("-Dsmshub.secrets.alias=" + SUITE_KEY, "-Dsmshub.secrets.previous-aliases=" + rotated), () -> {
                if (addresses[0] != null) {
                    assertEquals(addresses[0], pushAddresses(), "its push key and password open with the previous key");
                }
                assertTrue(reseal() >= 4, "the account's password, push key, push password and secret setting sealed again");
                assertEquals(0, reseal(), "nothing left that needs the previous key");
                assertEquals(addresses[0], pushAddresses(), "the same secrets, under the current key");
                delivered("+7");
            });
            own.undeploy();
        }
    }

    private static String pushAddresses() throws Exception {
        HttpResponse<String> answer = Operator.call("GET", "provider-accounts/" + ACCOUNT + "/push-addresses", null);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("push-secret"), "the push password opened: " + answer.body());
        return answer.body();
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
    private static void delivered(String country) throws Exception {
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
