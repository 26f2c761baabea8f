package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Batch sends over JMS (docs/jms-batches.md), from a probe deployed beside the EAR that plays an ERP system
 * on the same broker: the SendBatch document goes to the batch queue, the acceptance comes back to
 * JMSReplyTo with the correlation id, and a malformed document ends in the dead-letter queue.
 */
@ExtendWith(ArquillianExtension.class)
class JmsBatchEndToEndIT {

    // Its own deployments rather than DeployedGateway's: this class also runs inside the server, in the probe
    @Deployment(name = "simulators", order = 1, testable = false)
    static WebArchive simulators() {
        return Gateway.simulators();
    }

    @Deployment(name = "gateway", order = 2, testable = false)
    static EnterpriseArchive gateway() {
        return Gateway.ear();
    }


    private static final String DOCUMENT = """
            <SendBatch xmlns="urn:smshub:gateway:v1">
              <clientReference>%s</clientReference>
              <message><text>From the ERP over JMS</text><recipient>+46708331536</recipient></message>
              <message><text>Second</text><recipient>+46708331537</recipient></message>
            </SendBatch>""";

    @Deployment(name = "erp", order = 3)
    static WebArchive erp() {
        return ShrinkWrap.create(WebArchive.class, "erp-probe.war").addClass(JmsBatchEndToEndIT.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    /** Application-managed, as an ERP client's connection is: no container transaction around its sends. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connections;

    @Resource(lookup = "java:/jms/queue/smshub/Batches")
    Queue batches;

    @Resource(lookup = "java:/jms/queue/smshub/BatchesDLQ")
    Queue deadLetters;

    /** The gateway's own connections (the resource adapter's): the broker's internal user, which may read the DLQ. */
    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory internal;

    @Test
    @OperateOnDeployment("erp")
    void acceptanceComesBackToReplyTo() throws Exception {
        try (JMSContext jms = connections.createContext("demo", "demo-password")) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            String correlation = "erp-" + UUID.randomUUID();
            jms.createProducer().setJMSReplyTo(replies).setJMSCorrelationID(correlation)
                    .setProperty("SmsHubTenant", "demo")
                    .send(batches, String.format(DOCUMENT, "jms-" + UUID.randomUUID()));
            try (JMSConsumer consumer = jms.createConsumer(replies)) {
                Message reply = consumer.receive(20_000);
                assertNotNull(reply, "an acceptance within 20 s");
                assertEquals(correlation, reply.getJMSCorrelationID());
                String body = ((TextMessage) reply).getText();
                assertTrue(body.contains("SendBatchResponse") && body.contains("<messageCount>2</messageCount>"), body);
            }
        }
    }

    @Test
    @OperateOnDeployment("erp")
    void refusedBatchIsAnsweredWithTheFault() throws Exception {
        try (JMSContext jms = connections.createContext("demo", "demo-password")) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            String invalid = String.format(DOCUMENT, "jms-" + UUID.randomUUID()).replace(
                    "<message><text>Second</text>", "<message><text>Second</text><validityMinutes>0</validityMinutes>");
            jms.createProducer().setJMSReplyTo(replies).send(batches, invalid);
            try (JMSConsumer consumer = jms.createConsumer(replies)) {
                String body = ((TextMessage) consumer.receive(20_000)).getText();
                assertTrue(body.contains("GatewayFault") && body.contains("VALIDATION")
                        && body.contains("message[2]/validityMinutes"), body);
            }
        }
    }

    @Test
    @OperateOnDeployment("erp")
    void malformedDocumentEndsInTheDeadLetterQueue() throws Exception {
        try (JMSContext jms = connections.createContext("demo", "demo-password"); JMSContext gateway = internal.createContext()) {
            String marker = UUID.randomUUID().toString();
            jms.createProducer().setProperty("Marker", marker).send(batches, "<SendBatch xmlns=\"urn:smshub:gateway:v1\"><message>");
            try (JMSConsumer consumer = gateway.createConsumer(deadLetters, "Marker = '" + marker + "'")) {
                Message dead = consumer.receive(30_000);
                assertNotNull(dead, "dead-lettered after its attempts, not dropped");
                assertEquals("<SendBatch xmlns=\"urn:smshub:gateway:v1\"><message>", ((TextMessage) dead).getText());
            }
        }
    }
}
