package com.smshub.provider.spi;

import java.util.List;
import java.util.Map;

/**
 * Asking the provider for the status of messages whose report did not come, or whose outcome is unknown.
 * By the provider's id; by our id alone only where {@link Capabilities.Feature#STATUS_BY_REFERENCE} says the
 * provider can find a message so. The core asks about up to a hundred messages of one account at once; an
 * adapter whose API answers one question a request asks one by one.
 */
public interface StatusPolling {

    /**
     * One message to ask about: our id, which it carried to the provider as its reference, and the provider's, if
     * known.
     *
     * @param partIds the provider's ids of the message's parts, in order, where it went as several requests with an
     *                id each (SMPP concatenation); empty otherwise
     */
    record Query(String messageId, String providerMessageId, List<String> partIds) {

        public Query {
            partIds = partIds == null ? List.of() : List.copyOf(partIds);
        }

        public Query(String messageId, String providerMessageId) {
            this(messageId, providerMessageId, List.of());
        }

        /** The ids to ask by: each part's, or the message's one. */
        public List<String> ids() {
            return !partIds.isEmpty() ? partIds : providerMessageId == null ? List.of() : List.of(providerMessageId);
        }
    }

    /**
     * What the provider says of each message it could answer for, by our message id; a message it could not
     * say anything of now is left out. Never throws: a provider that does not answer answers nothing.
     */
    Map<String, PolledStatus> poll(List<Query> queries, Account account);
}
