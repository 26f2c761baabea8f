package com.smshub.status.control;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.MessageIds;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.Reason;
import com.smshub.message.StatusStore;
import com.smshub.message.StatusUpdate;
import com.smshub.metrics.control.GatewayMetrics;

/**
 * Where what providers report moves a message's status, and what it means for the status poller. A status
 * only moves forward; a report that would move it backwards or repeat it (a duplicate, a late report) is
 * recorded and changes nothing (StatusStore#apply). A final status ends the checks; an UNKNOWN is
 * asked about again soon, since only asking resolves it; any other status leaves the checks as they were.
 */
@ApplicationScoped
public class StatusLedger {

    @Inject
    StatusStore statuses;

    @Inject
    GatewayMetrics metrics;

    /** Applies one report to one message of ours. */
    public StatusStore.Applied apply(String messageId, MessageStatus status, String source, ProviderReport report,
            Reason reason) {
        StatusStore.Applied applied = statuses.apply(messageId, new StatusUpdate(status, source, report, reason,
                nextCheck(status, OffsetDateTime.now(ZoneOffset.UTC))));
        if (applied == StatusStore.Applied.APPLIED) {
            metrics.reported(provider(report), status.name(), 1);
            List<GatewayMetrics.Ended> ended = new ArrayList<>(1);
            ended(messageId, status, report, ended);
            metrics.finalStatuses(ended);
        }
        return applied;
    }

    /** One report for {@link #applyAll}. */
    public record Report(String messageId, MessageStatus status, String source, ProviderReport report, Reason reason) {
    }

    /**
     * Applies providers' reports as {@link #apply} does, together: one batch of writes for all of them, in the order
     * given. A report past SUBMITTED that finds its message not yet SUBMITTED (pushed before the dispatch recorded
     * the provider's answer) proves the provider took it: SUBMITTED is applied first, in the same transaction, so
     * the history and the feed read QUEUED, SUBMITTED, DELIVERED whichever came first; the dispatch's outcome,
     * recorded after, then changes no status. The implied SUBMITTED is a conditional update of the row, not only a
     * history record: its row lock and the database's second look at the condition are what keep it from being
     * applied beside a SUBMITTED outcome that commits at the same moment.
     */
    public List<StatusStore.Applied> applyAll(List<Report> reports) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<StatusStore.Change> changes = new ArrayList<>(reports.size());
        int[] at = new int[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (r.report() != null && MessageStatus.SUBMITTED.canMoveTo(r.status())) {
                ProviderReport said = r.report();
                changes.add(new StatusStore.Change(r.messageId(), new StatusUpdate(MessageStatus.SUBMITTED, r.source(),
                        new ProviderReport(said.provider(), null, null, said.providerMessageId(), said.occurredAt()), null,
                        StatusUpdate.KEEP_CHECKS), true));
            }
            at[i] = changes.size();
            changes.add(new StatusStore.Change(r.messageId(), new StatusUpdate(r.status(), r.source(), r.report(), r.reason(),
                    nextCheck(r.status(), now))));
        }
        List<StatusStore.Applied> all = statuses.applyAll(changes);
        List<StatusStore.Applied> applied = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            applied.add(all.get(at[i]));
        }
        Map<List<String>, Integer> moved = new HashMap<>();
        List<GatewayMetrics.Ended> ended = new ArrayList<>();
        for (int i = 0; i < applied.size(); i++) {
            if (applied.get(i) == StatusStore.Applied.APPLIED) {
                Report r = reports.get(i);
                moved.merge(List.of(provider(r.report()), r.status().name()), 1, Integer::sum);
                ended(r.messageId(), r.status(), r.report(), ended);
            }
        }
        moved.forEach((key, n) -> metrics.reported(key.get(0), key.get(1), n));
        metrics.finalStatuses(ended);
        return applied;
    }

    /** A message that reached a final status: how long after its acceptance (its id's time), into {@code ended}. */
    private static void ended(String messageId, MessageStatus status, ProviderReport report, List<GatewayMetrics.Ended> ended) {
        if (status.isFinal()) {
            // another node's clock may run a little ahead of this one's: never a negative time
            MessageIds.acceptedAt(messageId).ifPresent(accepted -> ended.add(new GatewayMetrics.Ended(provider(report), status.name(),
                    Duration.ofMillis(Math.max(0, Instant.now().toEpochMilli() - accepted.toEpochMilli())))));
        }
    }

    private static String provider(ProviderReport report) {
        return report == null || report.provider() == null ? GatewayMetrics.NONE : report.provider().name();
    }

    /** When to ask about a message that has just entered this status. */
    static OffsetDateTime nextCheck(MessageStatus status, OffsetDateTime now) {
        if (status.isFinal()) {
            return null;
        }
        return status == MessageStatus.UNKNOWN ? now.plus(CheckPolicy.BACKOFF) : StatusUpdate.KEEP_CHECKS;
    }
}
