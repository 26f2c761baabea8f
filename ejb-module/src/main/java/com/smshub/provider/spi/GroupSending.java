package com.smshub.provider.spi;

import java.util.List;

import com.smshub.kernel.SmsContent;

/**
 * Sending several messages in one request: recipients of one text (SMS Pro, up to
 * {@link Capabilities#maxSameTextRecipients()}) or messages each with its own text (MOBIPACE, up to
 * {@link Capabilities#maxMessagesPerRequest()}). The core calls it only with 2 to that many messages whose
 * {@link #groupKey} is the same.
 */
public interface GroupSending {

    /**
     * What messages must have in common to share a request: where the request carries it once for all of them
     * (SMS Pro: the whole content; MOBIPACE: the sender and the scheduled time). Equal keys, one request.
     */
    Object groupKey(SmsContent content);

    /**
     * Hands the messages to the provider in one request. Never throws for what the provider or the network
     * did. One outcome per message, in the order given: where the provider answers for the request as a
     * whole, every message gets that answer.
     */
    List<SendOutcome> sendGroup(List<OutboundMessage> messages, Account account);
}
