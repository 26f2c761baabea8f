package com.smshub.gateway.boundary;

import java.util.List;

import com.smshub.gateway.v1.Encoding;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.RecipientResult;
import com.smshub.kernel.Money;
import com.smshub.message.entity.RecipientOutcome;

/** The domain's recipient outcomes in the contract's terms. */
final class SendMapping {

    private SendMapping() {
    }

    static void results(List<RecipientOutcome> outcomes, List<RecipientResult> into) {
        for (RecipientOutcome outcome : outcomes) {
            into.add(result(outcome));
        }
    }

    static RecipientResult result(RecipientOutcome outcome) {
        RecipientResult result = new RecipientResult();
        result.setRecipient(outcome.recipient());
        result.setMessageId(outcome.messageId());
        result.setAccepted(outcome.accepted());
        result.setStatus(outcome.status() == null ? null : MessageStatus.valueOf(outcome.status().name()));
        result.setReasonCode(outcome.reasonCode());
        result.setReason(outcome.reasonText());
        result.setEncoding(outcome.encoding() == null ? null : Encoding.fromValue(outcome.encoding().name()));
        result.setSegments(outcome.segments());
        result.setProvider(outcome.provider() == null ? null : outcome.provider().name());
        result.setPrice(money(outcome.price()));
        return result;
    }

    static com.smshub.gateway.v1.Money money(Money money) {
        if (money == null) {
            return null;
        }
        com.smshub.gateway.v1.Money soap = new com.smshub.gateway.v1.Money();
        soap.setAmount(money.amount().stripTrailingZeros().scale() < 0 ? money.amount().setScale(0) : money.amount().stripTrailingZeros());
        soap.setCurrency(money.currency());
        return soap;
    }
}
