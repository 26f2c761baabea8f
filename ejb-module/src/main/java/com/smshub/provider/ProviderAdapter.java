package com.smshub.provider;

import java.util.List;

import com.smshub.provider.entity.ProviderAccount;

/**
 * The one small interface every provider stands behind. The rest of the gateway speaks only to it, in the
 * gateway's own terms; each provider's package keeps its client, its configuration and the mapping of its
 * codes to itself. It grows with the operations the gateway routes (sending, status, inbound, billing).
 */
public interface ProviderAdapter {

    /** The provider this adapter speaks to. */
    ProviderCode provider();

    /**
     * Asks the provider whether this account is usable, with the cheapest call its API offers. Never
     * throws: a failure is a {@link Liveness.State#DOWN} answer.
     */
    Liveness probe(ProviderAccount account);

    /**
     * Hands one message to the provider. Never throws for what the provider or the network did; the outcome
     * says whether the message may have been sent.
     */
    SendOutcome send(OutboundMessage message, ProviderAccount account);

    /** The most recipients of one text this account takes in one request; 1 where the API takes one. */
    default int recipientsPerRequest(ProviderAccount account) {
        return 1;
    }

    /**
     * Hands messages that differ only in their recipient to the provider in one request, for 2 to
     * {@link #recipientsPerRequest} of them; the outcome is theirs together. An adapter whose API takes one
     * recipient a request keeps both defaults: the dispatcher never groups messages for it.
     */
    default SendOutcome sendTogether(List<OutboundMessage> messages, ProviderAccount account) {
        throw new IllegalStateException(provider() + " takes one recipient a request; "
                + messages.size() + " were given together, beyond recipientsPerRequest");
    }

    /**
     * Asks the provider for the status of a message it accepted, for messages whose report did not come.
     * Empty when the provider cannot say (or cannot be asked); never throws.
     */
    default java.util.Optional<PolledStatus> poll(String providerMessageId, ProviderAccount account) {
        return java.util.Optional.empty();
    }
}
