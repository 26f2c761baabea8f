package com.smshub.provider.spi;

/**
 * Sending one message. The core has claimed it, chosen the account and throttled the call; the adapter
 * translates, sends and says what became of it. Connection-oriented providers (SMPP) pipeline: the core
 * calls from up to {@link Capabilities#window()} threads at once per account, each waiting for its own answer.
 */
public interface MessageSending {

    /**
     * Hands one message to the provider. Never throws for what the provider or the network did; the outcome
     * says whether the message may have been sent.
     */
    SendOutcome send(OutboundMessage message, Account account);
}
