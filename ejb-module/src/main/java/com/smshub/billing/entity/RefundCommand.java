package com.smshub.billing.entity;

import com.smshub.kernel.Money;

/** RefundSubscriber in the domain's terms: all of the charge when {@code amount} is null. */
public record RefundCommand(String clientReference, String chargeId, Money amount, String description) {
}
