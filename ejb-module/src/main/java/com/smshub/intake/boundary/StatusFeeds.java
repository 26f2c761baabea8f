package com.smshub.intake.boundary;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
import com.smshub.platform.PeriodicJob;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.InboundFeed;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.StatusFeed;
import com.smshub.routing.control.AccountDirectory;

/**
 * Reads the status feeds of the providers that tell statuses that way (MyMobileAPI), and their feeds of
 * subscribers' messages (MyMobileAPI's replies and short code entries), every few seconds
 * (smshub.status.feed-interval-ms, 10,000 by default): each enabled account's feed, page after page while
 * pages wait (at most 20 a tick), each page in a transaction of its own ({@link FeedReading}). The cursor's
 * row lock keeps two nodes from reading one feed at once.
 */
@ApplicationScoped
public class StatusFeeds implements PeriodicJob {

    private static final Logger LOG = Logger.getLogger(StatusFeeds.class.getName());
    private static final int MOST_PAGES = 20;

    @Inject
    AccountDirectory accounts;

    @Inject
    Providers providers;

    @EJB
    FeedReading reading;

    private final Duration every = Duration.ofMillis(Configuration.number("smshub.status.feed-interval-ms", 10_000));

    @Override
    public String name() {
        return "status-feeds";
    }

    @Override
    public Duration every() {
        return every;
    }

    /** Reads each account's feeds; each page in a transaction of its own (FeedReading). */
    @Override
    public void run() {
        for (Account account : accounts.enabled()) {
            Optional<StatusFeed> feed = providers.capability(account.provider(), StatusFeed.class);
            if (feed.isPresent()) {
                read(account, feed.get());
            }
            Optional<InboundFeed> inbound = providers.capability(account.provider(), InboundFeed.class);
            if (inbound.isPresent()) {
                for (String name : inbound.get().inboundFeeds(account)) {
                    read(account, inbound.get(), name);
                }
            }
        }
    }

    private void read(Account account, InboundFeed feed, String name) {
        try {
            reading.startInbound(account.id(), name);
        } catch (EJBException e) {
            // started by another node at the same moment
        }
        try {
            for (int page = 0; page < MOST_PAGES && reading.readInbound(account, feed, name); page++) {
                LOG.fine(() -> "More messages wait in the " + name + " feed of " + account);
            }
        } catch (FeedNotReadException | EJBException e) {
            LOG.log(Level.WARNING, "The " + name + " feed of " + account + " not read; the next tick tries again from the same "
                    + "place: " + e.getMessage(), LOG.isLoggable(Level.FINE) ? e : null);
        }
    }

    private void read(Account account, StatusFeed feed) {
        try {
            reading.start(account.id());
        } catch (EJBException e) {
            // started by another node at the same moment
        }
        try {
            for (int page = 0; page < MOST_PAGES && reading.readStatuses(account, feed); page++) {
                LOG.fine(() -> "More statuses wait in the feed of " + account);
            }
        } catch (FeedNotReadException | EJBException e) {
            LOG.log(Level.WARNING, "Status feed of " + account + " not read; the next tick tries again from the same place: "
                    + e.getMessage(), LOG.isLoggable(Level.FINE) ? e : null);
        }
    }
}
