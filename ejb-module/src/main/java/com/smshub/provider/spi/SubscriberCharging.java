package com.smshub.provider.spi;

import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;

/**
 * Debiting or crediting a subscriber directly (Billing Pro, section 10). Synchronous: the provider answers
 * once the operator has. The core makes each charge exactly once in effect: it records the charge before
 * the call, gives the provider its own reference, and never repeats a charge whose outcome is unknown.
 */
public interface SubscriberCharging {

    /** Never throws for what the provider or the network did. */
    ChargeOutcome charge(Charge charge, Account account);

    /**
     * One debit or credit.
     *
     * @param reference   our id of the charge, given to the provider as its request id
     * @param contentType the provider's content category, where it has one
     */
    record Charge(String reference, Msisdn subscriber, Money amount, boolean credit, String description, Integer contentType) {
    }

    /** What became of a charge. */
    sealed interface ChargeOutcome {
        record Approved(String providerTransactionId) implements ChargeOutcome {
        }

        record Declined(String code, String reason) implements ChargeOutcome {
        }

        /** Certainly not made (no connection): may be tried again. */
        record NotMade(String reason) implements ChargeOutcome {
        }

        /** The request left and no answer came: it may have been made. Never repeated blindly. */
        record Unknown(String reason) implements ChargeOutcome {
        }
    }
}
