package com.smshub.provider.spi;

import java.math.BigDecimal;
import java.util.Optional;

import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Tags;

/**
 * Debiting or crediting a subscriber directly (Billing Pro, section 10). Synchronous: the provider answers
 * once the operator has. The core makes each charge exactly once in effect: it records the charge before
 * the call, gives the provider its own reference, and never repeats a charge whose outcome is unknown.
 */
public interface SubscriberCharging {

    /** Never throws for what the provider or the network did. */
    ChargeOutcome charge(Charge charge, Account account);

    /**
     * What the provider refuses in a charge's tags that the contract allows (Billing Pro: sub ids of printable
     * ASCII), or empty when it takes them. Asked before anything is recorded: the caller gets a VALIDATION fault
     * naming the field, and nothing is charged.
     */
    default Optional<Refusal> refusal(Tags tags) {
        return Optional.empty();
    }

    /** A field of the request the provider refuses, relative to the request ({@code tags/subId1}), and why. */
    record Refusal(String field, String reason) {
    }

    /**
     * One debit or credit.
     *
     * @param reference   our id of the charge, given to the provider as its request id
     * @param vatPercent  the VAT rate, or null for the provider's default
     * @param contentType what was sold, carried by: MMS, WAP, SMS, WEB, VOICE, VIDEO or LBS
     * @param tags        the caller's bookkeeping labels, for a provider that keeps them
     */
    record Charge(String reference, Msisdn subscriber, Money amount, boolean credit, BigDecimal vatPercent,
            String description, String contentType, Tags tags) {
    }

    /** What became of a charge. */
    sealed interface ChargeOutcome {
        /** @param operator the mobile operator that billed, where the provider says */
        record Approved(String providerTransactionId, String operator) implements ChargeOutcome {
        }

        /** Not made, for good: the operator or the provider refused. Ids null where there are none. */
        record Declined(String code, String reason, String providerTransactionId, String operator) implements ChargeOutcome {
        }

        /** Certainly not made (no connection): may be tried again. */
        record NotMade(String reason) implements ChargeOutcome {
        }

        /** The request left and no answer came: it may have been made. Never repeated blindly. */
        record Unknown(String reason) implements ChargeOutcome {
        }
    }
}
