package com.smshub.status.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import com.smshub.platform.SingleNodeTask;
import com.smshub.provider.PolledStatus;
import com.smshub.provider.ProviderAdapter;
import com.smshub.provider.ProviderAdapters;
import com.smshub.provider.entity.ProviderAccount;
import com.smshub.status.control.StatusLedger;
import com.smshub.status.entity.MessageStatus;

/**
 * Asks providers about messages left without a final status: submitted messages whose report did not come
 * in time, and ambiguous (UNKNOWN) ones whose provider id is known. Every few seconds, up to 100 due
 * messages; one node at a time (a row lock in the sequencer table). A message still open is asked again
 * later, less and less often, for two days.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StatusPoller {

    private static final Logger LOG = Logger.getLogger(StatusPoller.class.getName());
    private static final int BATCH = 100;
    private static final Duration GIVE_UP = Duration.ofDays(2);
    /** The first wait between two polls of one message (system property smshub.status.poll-backoff-seconds). */
    private static final Duration BACKOFF = Duration.ofSeconds(Long.getLong("smshub.status.poll-backoff-seconds", 60));

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    @Inject
    StatusLedger ledger;

    @Inject
    ProviderAdapters adapters;

    private final SingleNodeTask task = new SingleNodeTask("status_poll", LOG);

    @PostConstruct
    void start() {
        long interval = Long.getLong("smshub.status.poll-interval-ms", 5000);
        timers.createIntervalTimer(interval, interval, new TimerConfig("status-poller", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void tick() {
        task.tick(dataSource, this::poll);
    }

    private record Due(String messageId, String providerMessageId, long accountId, OffsetDateTime acceptedAt, int polls) {
    }

    private void poll(Connection c) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Due> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, provider_message_id, provider_account_id, accepted_at, polls "
                + "FROM message WHERE next_check_at <= ? AND status IN ('SUBMITTED', 'UNKNOWN') "
                + "AND provider_message_id IS NOT NULL AND provider_account_id IS NOT NULL "
                + "ORDER BY next_check_at FETCH FIRST " + BATCH + " ROWS ONLY")) {
            s.setTimestamp(1, Timestamp.from(now.toInstant()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.add(new Due(r.getString(1), r.getString(2), r.getLong(3),
                            r.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC), r.getInt(5)));
                }
            }
        }
        for (Due message : due) {
            ProviderAccount account = em.find(ProviderAccount.class, message.accountId());
            ProviderAdapter adapter = account == null ? null : adapters.of(account.getProvider());
            Optional<PolledStatus> polled = adapter == null ? Optional.empty() : adapter.poll(message.providerMessageId(), account);
            boolean moved = polled.isPresent()
                    && ledger.apply(message.messageId(), polled.get().status(), "POLL", polled.get().report(), null, null);
            boolean closed = polled.isPresent() && polled.get().status().isFinal();
            if (!closed) {
                if (now.isAfter(message.acceptedAt().plus(GIVE_UP))) {
                    ledger.checkAgainAt(message.messageId(), null);
                } else {
                    // asked again after 1, 2, 4 ... minutes (BACKOFF), at most every hour
                    long seconds = Math.min(3600, BACKOFF.toSeconds() << Math.min(6, message.polls()));
                    ledger.countPoll(message.messageId(), now.plusSeconds(seconds));
                }
            }
            LOG.fine(() -> "Polled " + message.messageId() + ": " + polled + (moved ? " (applied)" : ""));
        }
    }
}
