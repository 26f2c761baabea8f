package com.smshub.status.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.message.DueCheck;
import com.smshub.message.MessageRepository;
import com.smshub.platform.SingleNodeTask;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.PolledStatus;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.StatusPolling;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.status.control.CheckPolicy;
import com.smshub.status.control.StatusLedger;

/**
 * Asks providers about messages left open: submitted messages whose final report did not come in time, and
 * UNKNOWN ones. Every few seconds, up to 100 due messages; one node at a time (a row lock in the sequencer
 * table). A message still open is asked again later, less and less often; once nothing has changed for the
 * deadline ({@link CheckPolicy}), its checks end and its reason says so: UNKNOWN becomes the documented
 * final state {@code UNRESOLVED}, a submitted message {@code NO_FINAL_REPORT}. A message the provider
 * cannot be asked about (no provider id, and the provider cannot find it by ours) waits for a pushed report
 * until the same deadline.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StatusPoller {

    private static final Logger LOG = Logger.getLogger(StatusPoller.class.getName());
    private static final int BATCH = 100;

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    MessageRepository messages;

    @Inject
    StatusLedger ledger;

    @Inject
    AccountDirectory accounts;

    @Inject
    Providers providers;

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

    private void poll() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (DueCheck due : messages.dueChecks(now, BATCH)) {
            Optional<PolledStatus> polled = ask(due);
            boolean closed = polled.isPresent() && polled.get().status().isFinal();
            polled.ifPresent(p -> ledger.apply(due.messageId(), p.status(), "POLL", p.report(), null));
            if (closed) {
                continue;
            }
            CheckPolicy.Next next = CheckPolicy.after(due, now);
            if (next.reason() != null) {
                messages.endChecks(due.messageId(), next.reason(), "DEADLINE");
                LOG.info(() -> "Checks of " + due.messageId() + " ended: " + next.reason().code());
            } else {
                messages.countPoll(due.messageId(), next.at());
            }
            LOG.fine(() -> "Polled " + due.messageId() + ": " + polled);
        }
    }

    /** What the provider says of the message, when it can be asked. */
    private Optional<PolledStatus> ask(DueCheck due) {
        if (due.accountId() == null) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.byId(due.accountId());
        if (account.isEmpty() || !CheckPolicy.canAsk(due, providers.capabilities(account.get()))) {
            return Optional.empty();
        }
        return providers.capability(account.get().provider(), StatusPolling.class)
                .flatMap(polling -> polling.poll(due.messageId(), due.providerMessageId(), account.get()));
    }
}
