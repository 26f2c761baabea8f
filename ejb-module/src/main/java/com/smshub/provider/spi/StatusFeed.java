package com.smshub.provider.spi;

import java.util.List;

/**
 * A provider that tells statuses as a feed read from a cursor (MyMobileAPI's {@code Sent_STR_STR} and its
 * {@code changeid}) rather than answering for one message. The core keeps each account's cursor in the
 * database and applies a page's reports and moves the cursor in one transaction, one node at a time, so no
 * record is skipped or applied twice, across restarts and nodes.
 */
public interface StatusFeed {

    /**
     * The reports after the cursor, at most a page of them, and the cursor after them.
     *
     * @param cursor where the last page ended; {@link #START} the first time
     * @throws ProviderUnavailableException when the provider does not answer; the cursor stays
     */
    Page statusesAfter(String cursor, Account account);

    /** The cursor of a feed never read. */
    String START = "0";

    /**
     * @param more whether another page waits now
     */
    record Page(List<DeliveryReport> reports, String cursor, boolean more) {
        public Page {
            reports = List.copyOf(reports);
        }
    }
}
