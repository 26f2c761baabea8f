package com.smshub.billing.entity;

/** Where a charge or refund stands. Only REQUESTED and NOT_MADE ever lead to a request to the provider. */
public enum ChargeState {
    /** Recorded and committed; its request is on its way (or was, when the gateway stopped). */
    REQUESTED,
    /** The operator took (or returned) the money. */
    APPROVED,
    /** Not made, for good. */
    DECLINED,
    /** The request left and no answer came; reconciliation settles it, nothing repeats it. */
    UNKNOWN,
    /** Certainly not made (no connection): the same client reference tries it again. */
    NOT_MADE,
    /** The provider has it and will tell (a premium message's charge, section 7.3's pending). */
    PENDING;

    /** Whether it is settled: what the caller is told is the last word. */
    public boolean isFinal() {
        return this == APPROVED || this == DECLINED;
    }
}
