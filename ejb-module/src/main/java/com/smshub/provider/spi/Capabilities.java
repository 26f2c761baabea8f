package com.smshub.provider.spi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.smshub.kernel.Originator;
import com.smshub.kernel.SmsContent;

/**
 * What a provider can do for one account, as its adapter declares it. The core decides by these, never by
 * the provider's name: routing (text length, binary, flash, premium, validity), acceptance (who schedules),
 * dispatch (how many messages go in one request, how many requests may be in flight) and the poller.
 *
 * @param maxTextCharacters     the longest text the provider takes in one message
 * @param maxSameTextRecipients the most recipients of one text in one request (SMS Pro: 100); 1: one each
 * @param maxMessagesPerRequest the most messages, each with its own text, in one request (MOBIPACE: 20,000)
 * @param window                the most requests in flight at once on one connection (SMPP's window); the
 *                              core never has more requests outstanding on the account than this
 * @param maxRecipientDigits    the longest number the provider takes, in digits (MOBIPACE: 15)
 * @param maxSenderCharacters   the longest alphanumeric sender the provider takes (Masiv: 16; SMS Pro, myMSP: 11)
 * @param features              the optional abilities; each that has an interface is implemented by the adapter
 * @param rules                 what else the provider refuses in content the contract allows, checked at routing
 */
public record Capabilities(int maxTextCharacters, int maxSameTextRecipients, int maxMessagesPerRequest, int window,
        int maxRecipientDigits, int maxSenderCharacters, Set<Feature> features, List<ContentRule> rules) {

    /** Optional abilities of a provider. */
    public enum Feature {
        /** Sends at a given time itself: the gateway hands it scheduled messages at once. */
        SCHEDULING,
        /** Takes a validity period. */
        VALIDITY,
        /** Sends binary content (hex octets, UDH or ports). */
        BINARY,
        /** Sends flash messages (class 0). */
        FLASH,
        /** Charges the recipient for a premium message. */
        PREMIUM_BILLING,
        /** Answers status questions by its own message id ({@link StatusPolling}). */
        STATUS_POLL,
        /** Answers status questions by our message id alone, for a message whose provider id never reached us. */
        STATUS_BY_REFERENCE,
        /** Pushes delivery reports to the gateway ({@link PushReceiving}). */
        STATUS_PUSH,
        /** Delivers messages from subscribers (pushed, or over a session). */
        INBOUND,
        /** Tells the account's balance ({@link BalanceQuery}). */
        BALANCE,
        /** Prices a message before it is sent ({@link PriceQuote}). */
        PRICING,
        /** Debits or credits a subscriber ({@link SubscriberCharging}). */
        CHARGING,
        /** Keeps a long-lived connection that the server owns ({@link SessionProviding}). */
        SESSIONS,
        /** Tells statuses as a feed from a cursor ({@link StatusFeed}). */
        STATUS_FEED,
        /**
         * Takes one request at a time per account (MOBIPACE, limitation 1): the core serialises every request to
         * the account, on every node, with a lock in the database.
         */
        ONE_REQUEST_AT_A_TIME
    }

    public Capabilities {
        if (maxTextCharacters < 1 || maxSameTextRecipients < 1 || maxMessagesPerRequest < 1 || window < 1
                || maxRecipientDigits < 1 || maxSenderCharacters < 1) {
            throw new IllegalArgumentException("limits are at least 1");
        }
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
        rules = List.copyOf(rules);
    }

    /** The first of the provider's rules this content breaks, if any. */
    public Optional<ContentRule> refusal(SmsContent content) {
        for (ContentRule rule : rules) {
            if (rule.refuses().test(content)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    /** How many messages may share one request: of one text, or each with its own. */
    public int mostPerRequest(boolean sameText) {
        return sameText ? Math.max(maxSameTextRecipients, maxMessagesPerRequest) : maxMessagesPerRequest;
    }

    /** The capabilities of a provider with no adapter in this version: it can carry nothing. */
    public static final Capabilities NONE = new Capabilities(1, 1, 1, 1, 1, 1, Set.of(), List.of());

    public static Builder builder(int maxTextCharacters) {
        return new Builder(maxTextCharacters);
    }

    /** Named limits and features; one message a request and one in flight unless said. */
    public static final class Builder {
        private final int maxTextCharacters;
        private int sameTextRecipients = 1;
        private int messagesPerRequest = 1;
        private int window = Integer.MAX_VALUE;
        private int recipientDigits = 20;
        private int senderCharacters = Originator.MOST_CHARACTERS_MOST_PROVIDERS;
        private final Set<Feature> features = EnumSet.noneOf(Feature.class);
        private final List<ContentRule> rules = new ArrayList<>();

        private Builder(int maxTextCharacters) {
            this.maxTextCharacters = maxTextCharacters;
        }

        public Builder sameTextRecipients(int most) {
            sameTextRecipients = most;
            return this;
        }

        public Builder messagesPerRequest(int most) {
            messagesPerRequest = most;
            return this;
        }

        public Builder window(int most) {
            window = most;
            return this;
        }

        public Builder recipientDigits(int most) {
            recipientDigits = most;
            return this;
        }

        public Builder senderCharacters(int most) {
            senderCharacters = most;
            return this;
        }

        public Builder with(Feature... more) {
            features.addAll(Set.of(more));
            return this;
        }

        /** Content the provider refuses: the field at fault, what the provider takes instead, and the test. */
        public Builder refusing(String field, String reason, Predicate<SmsContent> refuses) {
            rules.add(new ContentRule(field, reason, refuses));
            return this;
        }

        public Capabilities build() {
            return new Capabilities(maxTextCharacters, sameTextRecipients, messagesPerRequest, window, recipientDigits,
                    senderCharacters, features, rules);
        }
    }
}
