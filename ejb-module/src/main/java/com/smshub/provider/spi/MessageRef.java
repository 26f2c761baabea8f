package com.smshub.provider.spi;

import java.util.Objects;

import com.smshub.kernel.ProviderCode;

/**
 * How a provider names a message of ours in what it tells: by our id (a signed callback address, a reference
 * the provider echoes) or by its own id, matched exactly as the provider gives it (an adapter whose provider
 * changes an id's form, SMPP's hex or decimal, normalises it before it calls the core).
 */
public sealed interface MessageRef {

    /** Our message id. */
    record Ours(String messageId) implements MessageRef {
        public Ours {
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /**
     * The provider's id of the message. Where one request carried several messages, they share it and a
     * report by it applies to each.
     *
     * @param accountId the account whose messages alone it may name (a push authenticated to that account, a
     *                  session bound for it), or null where the id is matched among all of the provider's
     */
    record Theirs(ProviderCode provider, String providerMessageId, Long accountId) implements MessageRef {
        public Theirs {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    static MessageRef ours(String messageId) {
        return new Ours(messageId);
    }

    static MessageRef theirs(ProviderCode provider, String providerMessageId) {
        return new Theirs(provider, providerMessageId, null);
    }

    /** The provider's id of a message of this account: a report by it touches no other account's messages. */
    static MessageRef theirs(Account account, String providerMessageId) {
        return new Theirs(account.provider(), providerMessageId, account.id());
    }
}
