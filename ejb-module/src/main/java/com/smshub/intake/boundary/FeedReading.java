package com.smshub.intake.boundary;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.intake.control.FeedCursors;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.InboundFeed;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.StatusFeed;

/**
 * One page of an account's status feed, in a transaction of its own: the cursor locked, the page read from
 * the provider after it, its reports applied and the cursor moved, committed together. A failure rolls all
 * of it back, so the next read starts where this one did.
 */
@Stateless
@PermitAll
public class FeedReading {

    static final String STATUS_FEED = "status";
    /** The prefix of the cursors of subscribers' messages: "inbound:reply", "inbound:shortcode". */
    static final String INBOUND_FEED = "inbound:";

    @Inject
    FeedCursors cursors;

    @Inject
    ProviderEvents events;

    /**
     * @return whether another page waits
     * @throws FeedNotReadException when the page was not read, nothing of it kept
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean readStatuses(Account account, StatusFeed feed) {
        try {
            return readPage(account, feed);
        } catch (RuntimeException e) {
            throw new FeedNotReadException(e);
        }
    }

    private boolean readPage(Account account, StatusFeed feed) {
        Optional<String> cursor = cursors.lock(account.id(), STATUS_FEED);
        if (cursor.isEmpty()) {
            return false; // started by start(), in a transaction of its own, before the first read
        }
        StatusFeed.Page page = feed.statusesAfter(cursor.get(), account);
        if (!page.reports().isEmpty()) {
            events.reports(page.reports());
        }
        if (!page.cursor().equals(cursor.get())) {
            cursors.move(account.id(), STATUS_FEED, page.cursor());
        }
        return page.more();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void start(long accountId) {
        cursors.start(accountId, STATUS_FEED, StatusFeed.START);
    }

    /**
     * One page of an account's feed of subscribers' messages, stored (and routed) with the cursor's move.
     *
     * @return whether another page waits
     * @throws FeedNotReadException when the page was not read, nothing of it kept
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean readInbound(Account account, InboundFeed feed, String name) {
        try {
            String cursorName = INBOUND_FEED + name;
            Optional<String> cursor = cursors.lock(account.id(), cursorName);
            if (cursor.isEmpty()) {
                return false;
            }
            InboundFeed.Page page = feed.inboundAfter(name, cursor.get(), account);
            for (InboundMessage message : page.messages()) {
                events.inbound(message);
            }
            if (!page.cursor().equals(cursor.get())) {
                cursors.move(account.id(), cursorName, page.cursor());
            }
            return page.more();
        } catch (RuntimeException e) {
            throw new FeedNotReadException(e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void startInbound(long accountId, String name) {
        cursors.start(accountId, INBOUND_FEED + name, StatusFeed.START);
    }
}
