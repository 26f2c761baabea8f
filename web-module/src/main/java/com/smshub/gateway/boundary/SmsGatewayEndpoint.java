package com.smshub.gateway.boundary;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.jws.WebService;

import com.smshub.balance.boundary.Balances;
import com.smshub.balance.entity.BalanceUnavailableException;
import com.smshub.billing.boundary.Charging;
import com.smshub.billing.entity.ChargeCommand;
import com.smshub.billing.entity.ChargeNotMadeException;
import com.smshub.billing.entity.RefundCommand;
import com.smshub.gateway.v1.CalculatePrice;
import com.smshub.gateway.v1.CalculatePriceResponse;
import com.smshub.gateway.v1.ChargeRequest;
import com.smshub.gateway.v1.ChargeResult;
import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.GetBalance;
import com.smshub.gateway.v1.GetBalanceResponse;
import com.smshub.gateway.v1.GetBatchStatus;
import com.smshub.gateway.v1.GetBatchStatusResponse;
import com.smshub.gateway.v1.GetInboundMessages;
import com.smshub.gateway.v1.GetInboundMessagesResponse;
import com.smshub.gateway.v1.GetMessageStatus;
import com.smshub.gateway.v1.GetMessageStatusResponse;
import com.smshub.gateway.v1.GetStatusChanges;
import com.smshub.gateway.v1.GetStatusChangesResponse;
import com.smshub.gateway.v1.Ping;
import com.smshub.gateway.v1.PingResponse;
import com.smshub.gateway.v1.RefundSubscriber;
import com.smshub.gateway.v1.SendBatchRequest;
import com.smshub.gateway.v1.SendBatchResponse;
import com.smshub.gateway.v1.SendSms;
import com.smshub.gateway.v1.SendSmsResponse;
import com.smshub.gateway.v1.SmsGateway;
import com.smshub.health.boundary.GatewayHealth;
import com.smshub.inbound.boundary.InboundMessages;
import com.smshub.kernel.Money;
import com.smshub.kernel.NotFoundException;
import com.smshub.kernel.ProviderCode;
import com.smshub.message.entity.ChangePage;
import com.smshub.message.entity.MessageView;
import com.smshub.message.entity.RecipientOutcome;
import com.smshub.sending.boundary.Batches;
import com.smshub.sending.boundary.SmsSending;
import com.smshub.sending.entity.DuplicateRequestException;
import com.smshub.kernel.IdempotencyConflictException;
import com.smshub.sending.entity.PriceUnavailableException;
import com.smshub.kernel.RequestValidationException;
import com.smshub.sending.entity.SendCommand;
import com.smshub.sending.entity.SendReceipt;
import com.smshub.status.boundary.MessageQueries;
import com.smshub.tenant.entity.TenantDisabledException;

/**
 * The SMS Hub contract, v1, published from {@code wsdl/SmsGateway.wsdl} as written. It translates the
 * contract's types to the domain's and back, and every failure to the contract's one fault; the work
 * itself happens in the boundary EJBs, where transactions begin.
 */
@WebService(serviceName = "SmsGatewayService", portName = "SmsGatewayPort", targetNamespace = "urn:smshub:gateway:v1",
        endpointInterface = "com.smshub.gateway.v1.SmsGateway", wsdlLocation = "WEB-INF/wsdl/wsdl/SmsGateway.wsdl")
public class SmsGatewayEndpoint implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(SmsGatewayEndpoint.class.getName());

    @EJB
    GatewayHealth health;

    @EJB
    SmsSending sending;

    @EJB
    MessageQueries queries;

    @EJB
    Batches batches;

    @EJB
    Balances balances;

    @EJB
    InboundMessages inbound;

    @EJB
    Charging charging;

    @Override
    public PingResponse ping(Ping request) throws GatewayFault {
        boolean probeProviders = request == null || request.isCheckProviders() == null || request.isCheckProviders();
        return PingMapping.toResponse(call(() -> health.check(probeProviders)));
    }

    @Override
    public SendSmsResponse sendSms(SendSms request) throws GatewayFault {
        SendCommand command = ContentMapping.sendCommand(request.getClientReference(), request, request.getRecipient());
        SendReceipt receipt = call(() -> sendOnce(command));
        SendSmsResponse response = new SendSmsResponse();
        SendMapping.results(receipt.outcomes(), response.getResult());
        return response;
    }

    /** A concurrent duplicate of this call won the race: asking again returns its answer. */
    private SendReceipt sendOnce(SendCommand command) {
        try {
            return sending.send(command);
        } catch (DuplicateRequestException e) {
            return sending.send(command);
        }
    }

    @Override
    public SendBatchResponse sendBatch(SendBatchRequest request) throws GatewayFault {
        SendCommand command = ContentMapping.batchCommand(request);
        SendReceipt receipt = call(() -> sendOnce(command));
        return BatchMapping.response(receipt);
    }

    @Override
    public GetBatchStatusResponse getBatchStatus(GetBatchStatus request) throws GatewayFault {
        if (request.getBatchId() == null || request.getBatchId().isBlank()) {
            throw ContentMapping.validation("batchId", "batchId is required.");
        }
        return BatchMapping.status(call(() -> batches.state(request.getBatchId())));
    }

    @Override
    public GetMessageStatusResponse getMessageStatus(GetMessageStatus request) throws GatewayFault {
        boolean byIds = !request.getMessageId().isEmpty();
        List<String> keys = byIds ? request.getMessageId() : request.getClientReference();
        String field = byIds ? "messageId" : "clientReference";
        if (keys.isEmpty()) {
            throw ContentMapping.validation("messageId", "Give message ids or client references.");
        }
        if (keys.size() > 1000) {
            throw ContentMapping.validation(field, "At most 1000 values of " + field + " per call.");
        }
        List<MessageView> views = call(() -> byIds ? queries.byIds(keys) : queries.byClientReferences(keys));
        GetMessageStatusResponse response = new GetMessageStatusResponse();
        views.forEach(v -> response.getMessage().add(StatusMapping.state(v)));
        return response;
    }

    @Override
    public GetStatusChangesResponse getStatusChanges(GetStatusChanges request) throws GatewayFault {
        if (request.getAfterChangeId() < 0) {
            throw ContentMapping.validation("afterChangeId", "afterChangeId is 0 or the lastChangeId of an earlier answer.");
        }
        int max = request.getMaxResults() == null ? 100 : request.getMaxResults();
        if (max < 1 || max > 1000) {
            throw ContentMapping.validation("maxResults", "maxResults is 1 to 1000.");
        }
        ChangePage page = call(() -> queries.changes(request.getAfterChangeId(), max));
        GetStatusChangesResponse response = new GetStatusChangesResponse();
        page.changes().forEach(c -> response.getChange().add(StatusMapping.change(c)));
        response.setLastChangeId(page.lastChangeId());
        response.setMore(page.more());
        return response;
    }

    @Override
    public GetInboundMessagesResponse getInboundMessages(GetInboundMessages request) throws GatewayFault {
        if (request.getAfterInboundId() < 0) {
            throw ContentMapping.validation("afterInboundId", "afterInboundId is 0 or the lastInboundId of an earlier answer.");
        }
        int max = request.getMaxResults() == null ? 100 : request.getMaxResults();
        if (max < 1 || max > 1000) {
            throw ContentMapping.validation("maxResults", "maxResults is 1 to 1000.");
        }
        return InboundMapping.response(call(() -> inbound.after(request.getAfterInboundId(), max)));
    }

    @Override
    public ChargeResult chargeSubscriber(ChargeRequest request) throws GatewayFault {
        ChargeCommand command = BillingMapping.charge(request);
        return BillingMapping.result(call(() -> charging.charge(command)));
    }

    @Override
    public ChargeResult refundSubscriber(RefundSubscriber request) throws GatewayFault {
        RefundCommand command = BillingMapping.refund(request);
        return BillingMapping.result(call(() -> charging.refund(command)));
    }

    @Override
    public GetBalanceResponse getBalance(GetBalance request) throws GatewayFault {
        ProviderCode provider = ContentMapping.provider(request.getProvider(), "provider");
        return BalanceMapping.response(call(() -> balances.balances(provider)));
    }

    @Override
    public CalculatePriceResponse calculatePrice(CalculatePrice request) throws GatewayFault {
        SendCommand command = ContentMapping.sendCommand(null, request, request.getRecipient());
        List<RecipientOutcome> outcomes = call(() -> sending.price(command));
        CalculatePriceResponse response = new CalculatePriceResponse();
        SendMapping.results(outcomes, response.getResult());
        Money total = null;
        for (RecipientOutcome outcome : outcomes) {
            if (!outcome.accepted()) {
                continue;
            }
            if (outcome.price() == null || (total != null && !total.currency().equals(outcome.price().currency()))) {
                total = null;
                break;
            }
            total = total == null ? outcome.price() : total.plus(outcome.price());
        }
        response.setTotal(SendMapping.money(total));
        return response;
    }

    /**
     * Runs a domain call and turns what escapes it into the contract's fault. An unexpected failure is
     * logged with an incident id that the fault repeats, so an operator can find it; its detail stays here.
     */
    private static <T> T call(Supplier<T> work) throws GatewayFault {
        try {
            return work.get();
        } catch (RequestValidationException e) {
            throw Faults.of(FaultCode.VALIDATION, e.field(), e.getMessage());
        } catch (IdempotencyConflictException e) {
            throw Faults.of(FaultCode.IDEMPOTENCY_CONFLICT, "clientReference", e.getMessage());
        } catch (NotFoundException e) {
            throw Faults.of(FaultCode.NOT_FOUND, e.field(), e.getMessage());
        } catch (BalanceUnavailableException | PriceUnavailableException | ChargeNotMadeException e) {
            throw Faults.of(FaultCode.PROVIDER_UNAVAILABLE, null, e.getMessage());
        } catch (EJBAccessException e) {
            throw Faults.of(FaultCode.AUTHORIZATION, null, "This tenant may not use this operation.");
        } catch (TenantDisabledException e) {
            throw Faults.of(FaultCode.AUTHORIZATION, null, e.getMessage());
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident, e);
            throw Faults.of(FaultCode.INTERNAL, null,
                    "Unexpected error; nothing already accepted is lost. Quote incident " + incident + " to the operators.");
        }
    }
}
