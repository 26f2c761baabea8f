package com.smshub.intake.boundary;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
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
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatusFeeds {

    private static final Logger LOG = Logger.getLogger(StatusFeeds.class.getName());
    private static final int MOST_PAGES = 20;

    @Resource
    TimerService timers;

    @Inject
    AccountDirectory accounts;

    @Inject
    Providers providers;

    @EJB
    FeedReading reading;

    private volatile boolean running;

    @PostConstruct
    void start() {
        long interval = Configuration.number("smshub.status.feed-interval-ms", 10_000);
        timers.createIntervalTimer(interval, interval, new TimerConfig("status-feeds", false));
    }

    @Timeout
    void tick() {
        if (running) {
            return;
        }
        running = true;
        try {
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
        } finally {
            running = false;
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
