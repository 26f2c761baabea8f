package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.BatchMessage;
import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.GetBatchStatus;
import com.smshub.gateway.v1.GetMessageStatus;
import com.smshub.gateway.v1.GetStatusChanges;
import com.smshub.gateway.v1.SendBatchRequest;
import com.smshub.gateway.v1.SendSms;
import com.smshub.gateway.v1.SmsGateway;

/** A tenant sees only its own messages, batches and changes; client references are per tenant. */
@RunAsClient
class TenantIsolationEndToEndIT extends DeployedGateway {

    private static SmsGateway acme() {
        return Gateway.as("acme", "acme-password");
    }

    @Test
    void anotherTenantsMessagesAreNotFound() throws GatewayFault {
        long feedEnd = firstChangeOf(null, 0);
        SendSms request = Requests.text("Private", Requests.uniqueRecipient());
        String id = Gateway.demo().sendSms(request).getResult().get(0).getMessageId();

        GetMessageStatus byId = new GetMessageStatus();
        byId.getMessageId().add(id);
        assertEquals(FaultCode.NOT_FOUND, assertThrows(GatewayFault.class, () -> acme().getMessageStatus(byId)).getFaultInfo().getCode());
        GetMessageStatus byReference = new GetMessageStatus();
        byReference.getClientReference().add(request.getClientReference());
        assertEquals(FaultCode.NOT_FOUND,
                assertThrows(GatewayFault.class, () -> acme().getMessageStatus(byReference)).getFaultInfo().getCode());

        // the feed from just before the demo message's first change: were the feed not the tenant's own, that
        // change would be the first of acme's page, whatever came before it
        long change = Await.until(Duration.ofSeconds(30), () -> firstChangeOf(id, feedEnd), c -> c > 0);
        GetStatusChanges feed = new GetStatusChanges();
        feed.setAfterChangeId(change - 1);
        feed.setMaxResults(10);
        assertTrue(acme().getStatusChanges(feed).getChange().stream().noneMatch(c -> c.getMessageId().equals(id)));
        assertEquals(id, Gateway.demo().getStatusChanges(feed).getChange().get(0).getMessageId(), "its own tenant sees it there");

        String other = acme().sendSms(request).getResult().get(0).getMessageId();
        assertTrue(!other.equals(id), "the same client reference is another tenant's own");
    }

    /**
     * The cursor value of the message's first change in the demo tenant's feed after {@code after}, or 0 until it
     * is sequenced; for a null message, where the feed ends now.
     */
    private static long firstChangeOf(String messageId, long from) {
        try {
            GetStatusChanges feed = new GetStatusChanges();
            long after = from;
            while (true) {
                feed.setAfterChangeId(after);
                feed.setMaxResults(1000);
                var page = Gateway.demo().getStatusChanges(feed);
                for (var c : page.getChange()) {
                    if (c.getMessageId().equals(messageId)) {
                        return c.getChangeId();
                    }
                }
                if (!page.isMore()) {
                    return messageId == null ? page.getLastChangeId() : 0;
                }
                after = page.getLastChangeId();
            }
        } catch (GatewayFault e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anotherTenantsBatchIsNotFound() throws GatewayFault {
        SendBatchRequest batch = new SendBatchRequest();
        BatchMessage message = new BatchMessage();
        message.setText("Batch");
        message.setRecipient(Requests.uniqueRecipient());
        batch.getMessage().add(message);
        GetBatchStatus query = new GetBatchStatus();
        query.setBatchId(Gateway.demo().sendBatch(batch).getBatchId());
        assertEquals(FaultCode.NOT_FOUND, assertThrows(GatewayFault.class, () -> acme().getBatchStatus(query)).getFaultInfo().getCode());
    }
}
