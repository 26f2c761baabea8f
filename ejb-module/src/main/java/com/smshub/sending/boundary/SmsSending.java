package com.smshub.sending.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.sending.control.Acceptance;
import com.smshub.sending.control.MessageStore;
import com.smshub.sending.control.RequestHashes;
import com.smshub.sending.control.StoreException;
import com.smshub.sending.entity.DuplicateRequestException;
import com.smshub.sending.entity.IdempotencyConflictException;
import com.smshub.sending.entity.RecipientOutcome;
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
    MessageStore store;

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
            Optional<MessageStore.PriorRequest> prior = store.findRequest(tenant.id(), command.kind(), command.clientReference());
            if (prior.isPresent()) {
                if (!prior.get().hash().equals(hash)) {
                    throw new IdempotencyConflictException(command.clientReference());
                }
                return new SendReceipt(prior.get().id(), prior.get().createdAt(), store.firstOutcomes(prior.get().id()));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Acceptance.Verdict> verdicts = acceptance.judge(tenant, command, now);
        long requestId;
        try {
            requestId = store.insertRequest(tenant.id(), command, hash, now);
        } catch (StoreException e) {
            if (e.isDuplicate()) {
                throw new DuplicateRequestException(command.clientReference());
            }
            throw e;
        }
        List<MessageStore.NewMessage> messages = new ArrayList<>(verdicts.size());
        List<RecipientOutcome> outcomes = new ArrayList<>(verdicts.size());
        for (Acceptance.Verdict verdict : verdicts) {
            messages.add(verdict.message());
            outcomes.add(verdict.outcome());
        }
        // the stored messages are the outbox: DispatchRelay hands them to the dispatch queue
        store.insertMessages(requestId, messages, now, command.kind() == SendCommand.Kind.SMS ? "SendSms" : "SendBatch");
        return new SendReceipt(requestId, now, outcomes);
    }

    /** What a send would be, without storing or sending anything. */
    public List<RecipientOutcome> price(SendCommand command) {
        TenantRef tenant = tenants.byUsername(session.getCallerPrincipal().getName());
        return acceptance.judge(tenant, command, OffsetDateTime.now(ZoneOffset.UTC)).stream()
                .map(Acceptance.Verdict::outcome)
                .map(o -> new RecipientOutcome(o.recipient(), null, o.accepted(), null, o.reasonCode(), o.reason(),
                        o.encoding(), o.segments(), o.provider(), o.price()))
                .toList();
    }
}
