package com.smshub.sending.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.kernel.StoreException;
import com.smshub.message.MessageReads;
import com.smshub.message.Outbox;
import com.smshub.message.entity.RecipientOutcome;
import com.smshub.metrics.control.GatewayMetrics;
import com.smshub.sending.control.Acceptance;
import com.smshub.sending.control.Pricing;
import com.smshub.sending.control.RequestHashes;
import com.smshub.sending.control.SendRequests;
import com.smshub.sending.entity.DuplicateRequestException;
import com.smshub.kernel.IdempotencyConflictException;
import com.smshub.sending.entity.PriceUnavailableException;
import com.smshub.sending.entity.SendCommand;
import com.smshub.sending.entity.SendReceipt;
import com.smshub.tenant.control.TenantDirectory;
import com.smshub.tenant.entity.TenantRef;

/**
 * Accepting messages (SendSms, SendBatch) and pricing them (CalculatePrice). A send validates and stores
 * every recipient's message in one database transaction, and returns once that commits: an acknowledged
 * message is durable. The accepted messages are the outbox that DispatchRelay moves to the dispatch queue;
 * provider calls happen later, in the dispatcher. One resource per call keeps acceptance to one commit.
 */
@Stateless
@RolesAllowed("tenant")
public class SmsSending {

    @Resource
    SessionContext session;

    @Inject
    TenantDirectory tenants;

    @Inject
    Acceptance acceptance;

    @Inject
    SendRequests requests;

    @Inject
    Outbox outbox;

    @Inject
    MessageReads reads;

    @Inject
    Pricing pricing;

    @Inject
    GatewayMetrics metrics;

    /**
     * Accepts a send. Repeating it with the same client reference returns the first answer.
     *
     * @throws IdempotencyConflictException the reference was used with a different request
     * @throws DuplicateRequestException    a concurrent call with the same reference won; call again
     */
    public SendReceipt send(SendCommand command) {
        return accept(tenants.byUsername(session.getCallerPrincipal().getName()), command);
    }

    /** A send on behalf of a tenant established otherwise than by the caller (the JMS batch queue). */
    @PermitAll
    public SendReceipt sendAs(TenantRef tenant, SendCommand command) {
        return accept(tenant, command);
    }

    private SendReceipt accept(TenantRef tenant, SendCommand command) {
        String hash = RequestHashes.of(command);
        if (command.clientReference() != null) {
            Optional<SendRequests.PriorRequest> prior = requests.find(tenant.id(), command.kind(), command.clientReference());
            if (prior.isPresent()) {
                if (!prior.get().hash().equals(hash)) {
                    throw new IdempotencyConflictException(command.clientReference());
                }
                return new SendReceipt(prior.get().id(), prior.get().createdAt(), reads.firstOutcomes(prior.get().id()));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Acceptance.Verdict> verdicts = acceptance.judge(tenant, command, now);
        long requestId;
        try {
            requestId = requests.insert(tenant.id(), command, hash, now);
        } catch (StoreException e) {
            if (e.isDuplicate()) {
                throw new DuplicateRequestException(command.clientReference());
            }
            throw e;
        }
        // the stored messages are the outbox: DispatchRelay hands them to the dispatch queue
        outbox.insert(requestId, verdicts.stream().map(Acceptance.Verdict::message).toList(), now,
                command.kind() == SendCommand.Kind.SMS ? "SendSms" : "SendBatch");
        count(tenant, verdicts);
        return new SendReceipt(requestId, now, verdicts.stream().map(v -> v.message().outcome()).toList());
    }

    /** The request's messages by where they go and how they were stored (counted once the request commits). */
    private void count(TenantRef tenant, List<Acceptance.Verdict> verdicts) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (Acceptance.Verdict verdict : verdicts) {
            List<String> key = verdict.route() == null
                    ? List.of(GatewayMetrics.NONE, GatewayMetrics.NONE, verdict.message().status().name())
                    : List.of(verdict.route().account().provider().name(), verdict.route().account().name(),
                            verdict.message().status().name());
            counts.merge(key, 1, Integer::sum);
        }
        counts.forEach((key, n) -> metrics.accepted(tenant.username(), key.get(0), key.get(1), key.get(2), n));
    }

    /**
     * What a send would be, without storing or sending anything: priced by the provider where it prices, by
     * the route's price table elsewhere.
     *
     * @throws PriceUnavailableException when a provider that prices does not answer
     */
    public List<RecipientOutcome> price(SendCommand command) {
        TenantRef tenant = tenants.byUsername(session.getCallerPrincipal().getName());
        return pricing.quote(acceptance.judge(tenant, command, OffsetDateTime.now(ZoneOffset.UTC)));
    }
}
