package com.smshub.gateway.boundary;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.jws.WebService;

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

    @Override
    public PingResponse ping(Ping request) throws GatewayFault {
        boolean probeProviders = request == null || request.isCheckProviders() == null || request.isCheckProviders();
        return PingMapping.toResponse(call(() -> health.check(probeProviders)));
    }

    @Override
    public SendSmsResponse sendSms(SendSms request) throws GatewayFault {
        throw Faults.notImplemented("SendSms");
    }

    @Override
    public SendBatchResponse sendBatch(SendBatchRequest request) throws GatewayFault {
        throw Faults.notImplemented("SendBatch");
    }

    @Override
    public GetBatchStatusResponse getBatchStatus(GetBatchStatus request) throws GatewayFault {
        throw Faults.notImplemented("GetBatchStatus");
    }

    @Override
    public GetMessageStatusResponse getMessageStatus(GetMessageStatus request) throws GatewayFault {
        throw Faults.notImplemented("GetMessageStatus");
    }

    @Override
    public GetStatusChangesResponse getStatusChanges(GetStatusChanges request) throws GatewayFault {
        throw Faults.notImplemented("GetStatusChanges");
    }

    @Override
    public GetInboundMessagesResponse getInboundMessages(GetInboundMessages request) throws GatewayFault {
        throw Faults.notImplemented("GetInboundMessages");
    }

    @Override
    public ChargeResult chargeSubscriber(ChargeRequest request) throws GatewayFault {
        throw Faults.notImplemented("ChargeSubscriber");
    }

    @Override
    public ChargeResult refundSubscriber(RefundSubscriber request) throws GatewayFault {
        throw Faults.notImplemented("RefundSubscriber");
    }

    @Override
    public GetBalanceResponse getBalance(GetBalance request) throws GatewayFault {
        throw Faults.notImplemented("GetBalance");
    }

    @Override
    public CalculatePriceResponse calculatePrice(CalculatePrice request) throws GatewayFault {
        throw Faults.notImplemented("CalculatePrice");
    }

    /**
     * Runs a domain call and turns what escapes it into the contract's fault. An unexpected failure is
     * logged with an incident id that the fault repeats, so an operator can find it; its detail stays here.
     */
    private static <T> T call(Supplier<T> work) throws GatewayFault {
        try {
            return work.get();
        } catch (EJBAccessException e) {
            throw Faults.of(FaultCode.AUTHORIZATION, null, "This tenant may not use this operation.");
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident, e);
            throw Faults.of(FaultCode.INTERNAL, null,
                    "Unexpected error; nothing already accepted is lost. Quote incident " + incident + " to the operators.");
        }
    }
}
