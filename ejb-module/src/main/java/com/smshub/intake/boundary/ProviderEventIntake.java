package com.smshub.intake.boundary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.smshub.billing.control.ChargeBook;
import com.smshub.billing.entity.ChargeState;
import com.smshub.inbound.control.InboundRouting;
import com.smshub.inbound.control.InboundStore;
import com.smshub.intake.control.ParkedReports;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Reason;
import com.smshub.kernel.ProviderReport;
import com.smshub.message.MessageParts;
import com.smshub.message.StatusStore;
import com.smshub.provider.spi.BillingReport;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.status.control.StatusLedger;

/**
 * The core's side of the provider port: what adapters hand over, applied in one transaction per call (the
 * caller's, a pushed callback's, or one of its own for a receiver thread). A CDI bean with a transactional
 * interceptor rather than an EJB: it is called inside the callback's EJB on the report path, and a second
 * EJB hop there cost the end-to-end figure. A report names our message by our
 * id or by the provider's id as the provider gave it; reports of one call are applied in our ids' order, so
 * that two calls touching the same messages never wait on each other in a cycle.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ProviderEventIntake implements ProviderEvents {

    static final String BILLING_SOURCE = "BILLING";

    @Inject
    StatusStore statuses;

    @Inject
    StatusLedger ledger;

    @Inject
    InboundStore inbound;

    @Inject
    InboundRouting routing;

    @Inject
    ChargeBook charges;

    @Inject
    MessageParts parts;

    @Inject
    ParkedReports parked;

    /** A message a report names; with the part's id where the report is a part's (SMPP concatenation). */
    private record Target(String messageId, int report, String partId) {
    }

    @Override
    public List<ReportResult> reports(List<DeliveryReport> reports) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            MessageRef ref = reports.get(i).message();
            List<String> ids = ids(ref);
            if (ids.isEmpty() && ref instanceof MessageRef.Theirs theirs) {
                int report = i;
                parts.messageOf(theirs.provider(), theirs.providerMessageId())
                        .ifPresent(id -> targets.add(new Target(id, report, theirs.providerMessageId())));
            }
            for (String id : ids) {
                targets.add(new Target(id, i, null));
            }
        }
        targets.sort(Comparator.comparing(Target::messageId).thenComparingInt(Target::report));
        List<ReportResult> results = new ArrayList<>(Collections.nCopies(reports.size(), ReportResult.UNKNOWN_MESSAGE));
        // whole messages' reports in one batch of writes, in the targets' order; parts' one by one (each reads its siblings)
        List<Target> whole = targets.stream().filter(t -> t.partId() == null).toList();
        List<StatusStore.Applied> applied = ledger.applyAll(whole.stream().map(t -> {
            DeliveryReport report = reports.get(t.report());
            return new StatusLedger.Report(t.messageId(), report.status(), report.source(), report.report(), report.reason());
        }).toList());
        for (int i = 0; i < whole.size(); i++) {
            results.set(whole.get(i).report(), merge(results.get(whole.get(i).report()), applied.get(i)));
        }
        for (Target target : targets) {
            if (target.partId() != null) {
                results.set(target.report(), merge(results.get(target.report()), applyPart(target, reports.get(target.report()))));
            }
        }
        return results;
    }

    /**
     * A part's report moves the part, and the message as far as its parts' statuses roll up: delivered once
     * every part is, failed as soon as one part fails. The message's history records each part's report under
     * the message's provider id (its parts' ids), the part's own status stays in its row.
     */
    private StatusStore.Applied applyPart(Target target, DeliveryReport report) {
        ProviderReport raw = report.report();
        MessageParts.Reported reported = parts.report(target.messageId(), raw.provider(), target.partId(), report.status());
        return ledger.apply(target.messageId(), MessageStatus.rollUp(reported.parts()), report.source(),
                new ProviderReport(raw.provider(), raw.rawStatus(), raw.code(), reported.providerMessageId(), raw.occurredAt()),
                report.reason());
    }

    /** A report that names several messages (one request's) is applied when it moved any of them. */
    private static ReportResult merge(ReportResult so, StatusStore.Applied applied) {
        return switch (applied) {
            case APPLIED -> ReportResult.APPLIED;
            case RECORDED -> so == ReportResult.APPLIED ? so : ReportResult.RECORDED;
            case UNKNOWN_MESSAGE -> so;
        };
    }

    private List<String> ids(MessageRef ref) {
        if (ref instanceof MessageRef.Theirs theirs) {
            return statuses.idsByProviderId(theirs.provider(), theirs.providerMessageId(), theirs.accountId());
        }
        return List.of(((MessageRef.Ours) ref).messageId());
    }

    @Override
    public void park(DeliveryReport report) {
        if (!(report.message() instanceof MessageRef.Theirs)) {
            throw new IllegalArgumentException("only a report by the provider's id waits for its message");
        }
        parked.park(report);
    }

    /** Stored once, then routed and acted on in the same transaction (a repeat is neither). */
    @Override
    public InboundResult inbound(InboundMessage message) {
        Optional<Long> stored = inbound.store(message);
        stored.ifPresent(id -> routing.route(id, message));
        return stored.isPresent() ? InboundResult.STORED : InboundResult.DUPLICATE;
    }

    @Override
    public InboundResult inboundPart(InboundMessage part, Concatenation concatenation) {
        InboundStore.PartResult result = inbound.storePart(part, concatenation);
        if (result.completedId() != null) {
            routing.route(result.completedId(), result.completed());
        }
        return result.isNew() ? InboundResult.STORED : InboundResult.DUPLICATE;
    }

    /**
     * A declined charge means the provider did not send the message: REJECTED, with the provider's reason. An
     * approved or pending one means the provider holds it: SUBMITTED where it was not yet, recorded otherwise.
     */
    @Override
    public ReportResult billing(BillingReport report) {
        ReportResult result = ReportResult.UNKNOWN_MESSAGE;
        for (String id : ids(report.message()).stream().sorted().toList()) {
            StatusStore.Applied applied = report.outcome() == BillingReport.Outcome.DECLINED
                    ? ledger.apply(id, MessageStatus.REJECTED, BILLING_SOURCE, report.report(),
                            new Reason("BILLING_DECLINED", report.reason()))
                    : ledger.apply(id, MessageStatus.SUBMITTED, BILLING_SOURCE, report.report(), null);
            result = merge(result, applied);
            ledger(id, report);
        }
        return result;
    }

    /** The premium message's charge in the ledger of charges, as the provider reports it. */
    private void ledger(String messageId, BillingReport report) {
        ChargeState state = switch (report.outcome()) {
            case APPROVED -> ChargeState.APPROVED;
            case PENDING -> ChargeState.PENDING;
            case DECLINED -> ChargeState.DECLINED;
        };
        String transaction = report.report() == null ? null : report.report().providerMessageId();
        charges.premium(messageId, state, transaction, report.operator(), report.code(), report.reason());
    }
}
