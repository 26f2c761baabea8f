package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.MessageStatus;

/**
 * The server's log in WildFly's JSON format (the formatter smshub.cli adds, which json-logs.cli puts server.log on),
 * as a log shipper reads it: a line about a message names it, its tenant, its provider and its account under
 * "mdc", and no line carries the message's text or a secret. The test gives the root logger a JSON file of its own
 * for the time of the test, through the management interface.
 */
class StructuredLogsEndToEndIT extends SimulatorTest {

    private static final String HANDLER = "SMSHUB-E2E-JSON";
    private static final Path FILE = Path.of(System.getProperty("jboss.home"), "standalone/log/smshub-e2e.json");

    private static ModelNode execute(String operation, ModelNode address, String... parameters) throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").set(address);
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            op.get(parameters[i]).set(parameters[i + 1]);
        }
        return execute(op);
    }

    private static ModelNode execute(ModelNode op) throws Exception {
        // the management interface of this machine's server, which authenticates its own user locally
        try (ModelControllerClient management = ModelControllerClient.Factory.create("remote+http", "localhost", 9990)) {
            ModelNode result = management.execute(op);
            assertEquals("success", result.get("outcome").asString(), op + " -> " + result);
            return result;
        }
    }

    private static ModelNode logging(String type, String name) {
        return new ModelNode().add("subsystem", "logging").add(type, name);
    }

    @BeforeEach
    void logInJson() throws Exception {
        Files.deleteIfExists(FILE);
        ModelNode add = new ModelNode();
        add.get("operation").set("add");
        add.get("address").set(logging("file-handler", HANDLER));
        add.get("file").get("relative-to").set("jboss.server.log.dir");
        add.get("file").get("path").set(FILE.getFileName().toString());
        add.get("named-formatter").set("JSON");
        add.get("autoflush").set(true);
        execute(add);
        execute("add-handler", logging("root-logger", "ROOT"), "name", HANDLER);
    }

    @AfterEach
    void backToText() throws Exception {
        execute("remove-handler", logging("root-logger", "ROOT"), "name", HANDLER);
        execute("remove", logging("file-handler", HANDLER));
    }

    @Test
    void aLineAboutAMessageNamesItsTenantProviderAndAccountAndNeverItsText() throws Exception {
        String text = "Structured " + UUID.randomUUID();
        Simulator.set("sendFailure=HTTP_503&failures=1");
        String id = Gateway.demo().sendSms(Requests.text(text, Requests.uniqueRecipient())).getResult().get(0).getMessageId();
        Await.until(Duration.ofSeconds(40), () -> Requests.status(id), s -> s.getStatus() == MessageStatus.DELIVERED);

        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        String retried = lines.stream().filter(l -> l.contains("\"messageId\":\"" + id + "\"") && l.contains("will be retried"))
                .findFirst().orElseThrow(() -> new AssertionError("no JSON line names " + id + " in its context: " + lines));
        assertTrue(retried.startsWith("{") && retried.endsWith("}"), "one JSON object a line: " + retried);
        assertTrue(retried.contains("\"mdc\":{"), retried);
        assertTrue(retried.contains("\"provider\":\"SMSPRO\""), retried);
        assertTrue(retried.contains("\"account\":\"smspro-simulator\""), retried);
        assertTrue(retried.matches(".*\"tenantId\":\"\\d+\".*"), retried);
        assertTrue(retried.contains("\"service\":\"smshub\""), "the formatter's own field: " + retried);
        for (String line : lines) {
            assertFalse(line.contains(text), "a message's text is never logged: " + line);
            assertFalse(line.contains("demo-password") || line.contains("smspro-basic-password"), "nor a secret: " + line);
        }
    }
}
