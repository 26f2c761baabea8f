package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.GetMessageStatus;
import com.smshub.gateway.v1.MessageStatus;

/**
 * Batches over JMS as a remote ERP system sends them, over the broker's HTTP acceptor (docs/jms-batches.md,
 * docs/security.md): the broker takes only producers that log in as tenants, a batch runs as the tenant the
 * broker authenticated, {@code SmsHubTenant} may only repeat it, and a refused batch sends nothing.
 */
@RunAsClient
class JmsSecurityEndToEndIT extends DeployedGateway {

    private static final String DOCUMENT = """
            <SendBatch xmlns="urn:smshub:gateway:v1">
              <clientReference>%s</clientReference>
              <message><text>From the ERP over JMS</text><recipient>%s</recipient></message>
            </SendBatch>""";


    /** The broker as a remote client reaches it: core protocol over HTTP upgrade on the web port. */
    private static ActiveMQConnectionFactory broker() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                "tcp://localhost:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor");
        factory.setEnable1xPrefixes(true);
        return factory;
    }

    /** Sends a batch logged in as the user, naming a tenant (or none), and answers the reply's text. */
    private static String send(String user, String password, String named, String reference) throws Exception {
        try (ActiveMQConnectionFactory factory = broker(); JMSContext jms = factory.createContext(user, password)) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            var producer = jms.createProducer().setJMSReplyTo(replies);
            if (named != null) {
                producer.setProperty("SmsHubTenant", named);
            }
            producer.send(jms.createQueue("smshub.batches"), String.format(DOCUMENT, reference, Requests.uniqueRecipient()));
            try (JMSConsumer consumer = jms.createConsumer(replies)) {
                TextMessage reply = (TextMessage) consumer.receive(20_000);
                assertNotNull(reply, "an answer within 20 s");
                return reply.getText();
            }
        }
    }

    private static void nothingSentUnder(String reference, String... tenants) {
        for (String tenant : tenants) {
            GetMessageStatus byReference = new GetMessageStatus();
            byReference.getClientReference().add(reference);
            GatewayFault none = assertThrows(GatewayFault.class,
                    () -> Gateway.as(tenant, tenant + "-password").getMessageStatus(byReference), tenant);
            assertEquals(FaultCode.NOT_FOUND, none.getFaultInfo().getCode());
        }
    }

    @Test
    void aTenantLoggedInSendsAsItself() throws Exception {
        String reference = "jms-" + UUID.randomUUID();
        String accepted = send("demo", "demo-password", null, reference);
        assertTrue(accepted.contains("SendBatchResponse") && accepted.contains("<messageCount>1</messageCount>"), accepted);
        GetMessageStatus byReference = new GetMessageStatus();
        byReference.getClientReference().add(reference);
        assertEquals(1, Gateway.demo().getMessageStatus(byReference).getMessage().size());
        String repeated = "jms-" + UUID.randomUUID();
        assertTrue(send("demo", "demo-password", "demo", repeated).contains("SendBatchResponse"),
                "SmsHubTenant may repeat the sender");
        for (String sent : new String[] {reference, repeated}) {
            GetMessageStatus status = new GetMessageStatus();
            status.getClientReference().add(sent);
            Await.until(Duration.ofSeconds(30), () -> {
                try {
                    return Gateway.demo().getMessageStatus(status).getMessage().get(0).getStatus();
                } catch (GatewayFault e) {
                    throw new AssertionError(e);
                }
            }, s -> s == MessageStatus.DELIVERED); // what the test sent is out before the next test counts
        }
    }

    @Test
    void aBatchNamingAnotherTenantIsRefusedAndSendsNothing() throws Exception {
        for (String other : new String[] {"acme", "operator"}) {
            String reference = "jms-" + UUID.randomUUID();
            String refused = send("demo", "demo-password", other, reference);
            assertTrue(refused.contains("GatewayFault") && refused.contains("AUTHORIZATION") && refused.contains("SmsHubTenant"),
                    refused);
            nothingSentUnder(reference, "demo", "acme");
        }
    }

    @Test
    void nobodyAnonymousNorWithAWrongPasswordGetsIn() {
        try (ActiveMQConnectionFactory factory = broker()) {
            assertThrows(JMSRuntimeException.class, () -> {
                try (JMSContext guest = factory.createContext()) {
                    guest.createProducer().send(guest.createQueue("smshub.batches"), String.format(DOCUMENT, "jms-guest", "+46708331536"));
                }
            }, "standalone-full's guest: no login, no send");
            assertThrows(JMSRuntimeException.class, () -> {
                try (JMSContext wrong = factory.createContext("demo", "guessed")) {
                    wrong.createProducer().send(wrong.createQueue("smshub.batches"), String.format(DOCUMENT, "jms-guess", "+46708331536"));
                }
            });
        }
    }

    @Test
    void anOperatorMayNotSendBatches() {
        try (ActiveMQConnectionFactory factory = broker()) {
            assertThrows(JMSRuntimeException.class, () -> {
                try (JMSContext operator = factory.createContext("operator", "operator-password")) {
                    operator.createProducer().send(operator.createQueue("smshub.batches"), String.format(DOCUMENT, "jms-op", "+46708331536"));
                }
            }, "the batch queue takes sends from the tenant role only");
        }
    }
}
