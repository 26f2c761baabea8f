package com.smshub.gateway.boundary;

import com.smshub.billing.entity.ChargeCommand;
import com.smshub.billing.entity.ChargeRecord;
import com.smshub.billing.entity.RefundCommand;
import com.smshub.gateway.v1.ChargeOutcome;
import com.smshub.gateway.v1.ChargeRequest;
import com.smshub.gateway.v1.ChargeResult;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.RefundSubscriber;
import com.smshub.kernel.Tags;

/** ChargeSubscriber and RefundSubscriber between the contract and the billing feature. */
final class BillingMapping {

    private BillingMapping() {
    }

    static ChargeCommand charge(ChargeRequest request) throws GatewayFault {
        return new ChargeCommand(request.getClientReference(), request.getMsisdn(),
                request.getAmount() == null ? null : ContentMapping.money(request.getAmount(), "amount"),
                request.getVatPercent(), request.getDescription(), request.getContentType(),
                ContentMapping.provider(request.getProviderPreference(), "providerPreference"),
                request.getTags() == null ? Tags.NONE
                        : Tags.of(request.getTags().getCostCentre(), request.getTags().getSubId1(), request.getTags().getSubId2()));
    }

    static RefundCommand refund(RefundSubscriber request) throws GatewayFault {
        return new RefundCommand(request.getClientReference(), request.getChargeId(),
                request.getAmount() == null ? null : ContentMapping.money(request.getAmount(), "amount"),
                request.getDescription());
    }

    /**
     * APPROVED and DECLINED are final; anything else is PENDING (on its way, or UNKNOWN and waiting for the
     * operators' reconciliation), with the reason code that says which, and asked again with the same reference.
     */
    static ChargeResult result(ChargeRecord charge) {
        ChargeResult result = new ChargeResult();
        result.setChargeId(charge.id());
        result.setAmount(SendMapping.money(charge.amount()));
        result.setProvider(charge.provider().name());
        result.setProviderTransactionId(charge.providerTransactionId());
        result.setOperator(charge.operator());
        result.setProcessedAt(Times.of(charge.processedAt() != null ? charge.processedAt() : charge.createdAt()));
        switch (charge.state()) {
            case APPROVED -> result.setOutcome(ChargeOutcome.APPROVED);
            case DECLINED -> {
                result.setOutcome(ChargeOutcome.DECLINED);
                result.setReasonCode(charge.reasonCode());
                result.setReason(charge.reason());
            }
            case UNKNOWN -> {
                result.setOutcome(ChargeOutcome.PENDING);
                result.setReasonCode("OUTCOME_UNKNOWN");
                result.setReason("The provider's answer never came; operators reconcile this charge with the provider's "
                        + "records. It is never made again; ask again later with the same clientReference.");
            }
            default -> {
                result.setOutcome(ChargeOutcome.PENDING);
                result.setReasonCode("IN_PROGRESS");
                result.setReason("The charge is on its way to the operator; ask again with the same clientReference.");
            }
        }
        return result;
    }
}
