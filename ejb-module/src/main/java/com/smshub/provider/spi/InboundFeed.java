package com.smshub.provider.spi;

import java.util.List;
import java.util.Set;

/**
 * A provider that keeps subscribers' messages for the gateway to read from a cursor (MyMobileAPI's
 * {@code Reply_STR_STR} by {@code replyid}, {@code ShortCode_Get_STR_STR} by {@code changeid}). The core keeps
 * each feed's cursor in the database and stores a page's messages and moves the cursor in one transaction, one
 * node at a time; a message read again (a page whose commit failed) is a duplicate by its provider id.
 */
public interface InboundFeed {

    /** The names of the account's feeds (each has its own cursor). */
    Set<String> inboundFeeds(Account account);

    /**
     * The messages after the cursor, at most a page of them, and the cursor after them.
     *
     * @param cursor where the last page ended; {@link StatusFeed#START} the first time
     * @throws ProviderUnavailableException when the provider does not answer; the cursor stays
     */
    Page inboundAfter(String feed, String cursor, Account account);

    /** @param more whether another page waits now */
    record Page(List<InboundMessage> messages, String cursor, boolean more) {
        public Page {
            messages = List.copyOf(messages);
        }
    }
}
