package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.gateway.v1.StatusEvent;

/**
 * Failover between providers: a route to one provider ranked before the demo route to MyMobileAPI (+27). A
 * provider that refuses the connection certainly did not send: the next route's provider takes the message.
 * A provider that times out may have sent it: it is UNKNOWN, and the next provider is never asked. Prefixes
 * +27840 and +27841 are this test's own.
 */
@RunAsClient
class ProviderFailoverEndToEndIT extends DeployedGateway {

    private static final Duration WAIT = Duration.ofSeconds(40);

    private final Operator operator = new Operator();

    @BeforeEach
    void resetSimulators() {
        ProviderSimulator.MYMOBILEAPI.reset();
        ProviderSimulator.MASIV.reset();
    }

    @AfterEach
    void cleanUp() throws Exception {
        operator.cleanUp();
        ProviderSimulator.MASIV.reset();
    }

    @Test
    void aProviderThatRefusesTheConnectionFailsOverToTheNextProvider() throws Exception {
        operator.account("it-mobipace-down", "MOBIPACE", "http://127.0.0.1:9/v3", "smshub@mobipace.example", "x",
                ",\"settings\":{\"sender\":\"SMSHUB\",\"currency\":\"RUB\"}");
        operator.route("{\"prefix\":\"+27840\",\"account\":\"it-mobipace-down\",\"priority\":1}");

        RecipientResult accepted = Gateway.demo().sendSms(Requests.text("Across providers", "+27840" + suffix())).getResult().get(0);
        assertEquals("MOBIPACE", accepted.getProvider(), "routed first to the provider that is down");
        MessageState delivered = Await.until(WAIT, () -> Requests.status(accepted.getMessageId()),
                s -> s.getStatus() == MessageStatus.DELIVERED);
        StatusEvent submitted = delivered.getEvent().stream().filter(e -> e.getStatus() == MessageStatus.SUBMITTED).findFirst()
                .orElseThrow();
        assertEquals("MYMOBILEAPI", submitted.getProviderStatus().getProvider(), "delivered by the next provider");
        assertEquals(1, ProviderSimulator.MYMOBILEAPI.counter("accepted"));
    }

    @Test
    void aProviderThatTimesOutIsNeverFollowedByAnother() throws Exception {
        operator.account("it-masiv-slow", "MASIV", Gateway.SIMULATOR + "/masiv/SmsHandlers", "smshub", "masiv-password", "");
        operator.route("{\"prefix\":\"+27841\",\"account\":\"it-masiv-slow\",\"priority\":1}");
        ProviderSimulator.MASIV.set("slowMillis=5000");

        String id = Gateway.demo().sendSms(Requests.text("Maybe sent", "+27841" + suffix())).getResult().get(0).getMessageId();
        MessageState unknown = Await.until(WAIT, () -> Requests.status(id), s -> s.getStatus() == MessageStatus.UNKNOWN);
        assertEquals("OUTCOME_UNKNOWN", unknown.getReasonCode());
        Thread.sleep(3000);
        assertEquals(0, ProviderSimulator.MYMOBILEAPI.counter("requests"), "MyMobileAPI, next in line, was never asked");
        assertEquals(1, ProviderSimulator.MASIV.counter("accepted"), "Masiv took it, once");
    }

    private static String suffix() {
        return String.format("%06d", (int) (Math.random() * 1_000_000));
    }
}
