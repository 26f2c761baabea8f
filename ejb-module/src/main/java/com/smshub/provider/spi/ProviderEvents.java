package com.smshub.provider.spi;

import java.util.List;


/**
 * The port the core implements and adapters call with what providers tell: delivery reports, inbound
 * messages and billing results. Each call runs in one transaction, the caller's where it has one, its own
 * otherwise (an SMPP receiver thread, a push), and returns once that has committed; a push's reports may share
 * theirs with other pushes' (a group commit).
 * A group of reports is applied in the order of our message ids, so two groups never deadlock.
 */
public interface ProviderEvents {

    /** Applies delivery reports; one result per report, in order. */
    List<ReportResult> reports(List<DeliveryReport> reports);

    /**
     * Keeps a report by the provider's id that no message of ours has yet (it overtook our commit of the
     * provider's answer), and applies it once a message or a part with that id is recorded: the adapter may
     * then acknowledge it to the provider. Reports are applied in the order they were parked.
     */
    void park(DeliveryReport report);

    /** Stores a message from a subscriber, once: a repeat (same provider and provider id) is a duplicate. */
    InboundResult inbound(InboundMessage message);

    /**
     * Keeps one part of a long message from a subscriber (SMPP's concatenation) until every part has come,
     * then stores the message once, its parts' texts (or octets) joined in order. {@code part}'s own provider
     * id names the part; a part delivered again is a duplicate.
     */
    InboundResult inboundPart(InboundMessage part, Concatenation concatenation);

    /** Where a part belongs: the sender's reference for the message, how many parts it has, which this is (from 1). */
    record Concatenation(int reference, int total, int sequence) {
        public Concatenation {
            if (total < 1 || sequence < 1 || sequence > total) {
                throw new IllegalArgumentException("part " + sequence + " of " + total);
            }
        }
    }

    /** Records what the provider said about charging the recipient of a premium message. */
    ReportResult billing(BillingReport report);

    /** What became of one report. */
    enum ReportResult {
        /** It moved the message's status forward. */
        APPLIED,
        /** It was recorded in the message's history and changed nothing (a duplicate, a late report). */
        RECORDED,
        /** No message of ours has that id. */
        UNKNOWN_MESSAGE
    }

    /** What became of one inbound message. */
    enum InboundResult {
        STORED,
        DUPLICATE
    }
}
