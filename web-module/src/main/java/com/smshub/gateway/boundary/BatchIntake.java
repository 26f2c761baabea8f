package com.smshub.gateway.boundary;

import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.SendBatchRequest;
import com.smshub.gateway.v1.SendBatchResponse;
import com.smshub.sending.boundary.Batches;
import com.smshub.sending.entity.DuplicateRequestException;
import com.smshub.kernel.IdempotencyConflictException;
import com.smshub.sending.entity.NotATenantException;
import com.smshub.kernel.RequestValidationException;
import com.smshub.sending.entity.SendCommand;

/** A SendBatch document from the JMS queue, mapped and answered exactly as the SOAP operation is. */
public final class BatchIntake {

    private BatchIntake() {
    }

    /**
     * @param tenant the user the broker authenticated the sender as
     * @throws GatewayFault as the SOAP operation's, and AUTHORIZATION when that user is no enabled tenant
     */
    public static SendBatchResponse accept(Batches batches, String tenant, SendBatchRequest request) throws GatewayFault {
        SendCommand command = ContentMapping.batchCommand(request);
        try {
            try {
                return BatchMapping.response(batches.acceptFromQueue(tenant, command));
            } catch (DuplicateRequestException e) {
                return BatchMapping.response(batches.acceptFromQueue(tenant, command));
            }
        } catch (RequestValidationException e) {
            throw Faults.of(FaultCode.VALIDATION, e.field(), e.getMessage());
        } catch (IdempotencyConflictException e) {
            throw Faults.of(FaultCode.IDEMPOTENCY_CONFLICT, "clientReference", e.getMessage());
        } catch (NotATenantException e) {
            throw Faults.of(FaultCode.AUTHORIZATION, null, e.getMessage());
        }
    }
}
