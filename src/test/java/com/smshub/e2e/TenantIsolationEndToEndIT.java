package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        SendSms request = Requests.text("Private", Requests.uniqueRecipient());
        String id = Gateway.demo().sendSms(request).getResult().get(0).getMessageId();

        GetMessageStatus byId = new GetMessageStatus();
        byId.getMessageId().add(id);
        assertEquals(FaultCode.NOT_FOUND, assertThrows(GatewayFault.class, () -> acme().getMessageStatus(byId)).getFaultInfo().getCode());
        GetMessageStatus byReference = new GetMessageStatus();
        byReference.getClientReference().add(request.getClientReference());
        assertEquals(FaultCode.NOT_FOUND,
                assertThrows(GatewayFault.class, () -> acme().getMessageStatus(byReference)).getFaultInfo().getCode());

        GetStatusChanges feed = new GetStatusChanges();
        feed.setAfterChangeId(0);
        feed.setMaxResults(1000);
        assertTrue(acme().getStatusChanges(feed).getChange().stream().noneMatch(c -> c.getMessageId().equals(id)));

        String other = acme().sendSms(request).getResult().get(0).getMessageId();
        assertTrue(!other.equals(id), "the same client reference is another tenant's own");
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
