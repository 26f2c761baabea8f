package com.smshub.status.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.smshub.message.DueCheck;
import com.smshub.message.MessageParts;
import com.smshub.message.StatusStore;
import com.smshub.platform.SingleNodeTask;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.PolledStatus;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.StatusPolling;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.session.control.AccountLocks;

/**
 * One round of checks: up to {@link #ROUND} due messages, asked about account by account (one question per
 * account where its provider takes several), their answers applied and their next checks set, committed on
 * its own so that a long run of rounds keeps nothing locked for long.
 */
@ApplicationScoped
public class DueChecks {

    private static final Logger LOG = Logger.getLogger(DueChecks.class.getName());

    /** The most messages one round asks about. */
    public static final int ROUND = 100;

    @Inject
    StatusStore statuses;

    @Inject
    MessageParts parts;

    @Inject
    StatusLedger ledger;

    @Inject
    AccountDirectory accounts;

    @Inject
    Providers providers;

    @Inject
    AccountLocks locks;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** Checks the messages due now, at most {@link #ROUND}; answers how many were due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int round() {
        SingleNodeTask.indexScansOnly(dataSource);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<DueCheck> due = statuses.dueChecks(now, ROUND);
        Map<Long, List<DueCheck>> byAccount = new LinkedHashMap<>();
        for (DueCheck check : due) {
            byAccount.computeIfAbsent(check.accountId() == null ? -1 : check.accountId(), a -> new ArrayList<>()).add(check);
        }
        for (Map.Entry<Long, List<DueCheck>> account : byAccount.entrySet()) {
            Map<String, PolledStatus> answers = ask(account.getKey(), account.getValue());
            for (DueCheck check : account.getValue()) {
                PolledStatus polled = answers.get(check.messageId());
                if (polled != null) {
                    ledger.apply(check.messageId(), polled.status(), "POLL", polled.report(), null);
                    if (polled.status().isFinal()) {
                        continue;
                    }
                }
                CheckPolicy.Next next = CheckPolicy.after(check, now);
                if (next.reason() != null) {
                    statuses.endChecks(check.messageId(), next.reason(), "DEADLINE");
                    LOG.info(() -> "Checks of " + check.messageId() + " ended: " + next.reason().code());
                } else {
                    statuses.countPoll(check.messageId(), next.at());
                }
            }
        }
        return due.size();
    }

    /** What the account's provider says of those of its messages it can be asked about, in one question. */
    private Map<String, PolledStatus> ask(long accountId, List<DueCheck> checks) {
        Optional<Account> account = accounts.byId(accountId);
        if (account.isEmpty()) {
            return Map.of();
        }
        Capabilities capabilities = providers.capabilities(account.get());
        List<DueCheck> askable = checks.stream().filter(c -> CheckPolicy.canAsk(c, capabilities)).toList();
        Map<String, List<String>> partIds = parts.partIds(askable.stream().map(DueCheck::messageId).toList());
        List<StatusPolling.Query> queries = askable.stream()
                .map(c -> new StatusPolling.Query(c.messageId(), c.providerMessageId(), partIds.get(c.messageId()))).toList();
        Optional<StatusPolling> polling = providers.capability(account.get().provider(), StatusPolling.class);
        if (queries.isEmpty() || polling.isEmpty()) {
            return Map.of();
        }
        if (capabilities.has(Capabilities.Feature.ONE_REQUEST_AT_A_TIME)) {
            locks.lock(accountId);
        }
        return polling.get().poll(queries, account.get());
    }
}
