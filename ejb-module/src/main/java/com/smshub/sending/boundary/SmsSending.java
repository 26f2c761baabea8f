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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.sending.control.Acceptance;
import com.smshub.sending.control.AcceptedRequest;
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
 *
 * <p>A call over SOAP reads and judges outside any transaction and has {@link GroupCommit} store it, in a
 * transaction it shares with the calls that arrived meanwhile: under load, one commit serves many calls. A
 * send from the JMS batch queue is stored in the listener's own transaction instead, together with taking
 * its JMS message, so that a redelivered batch can never be stored twice.
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

    @Inject
    GroupCommit groupCommit;

    /**
     * Accepts a send. Repeating it with the same client reference returns the first answer.
     *
     * @throws IdempotencyConflictException the reference was used with a different request
     * @throws DuplicateRequestException    a concurrent call with the same reference won; call again
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SendReceipt send(SendCommand command) {
        return accept(tenants.byUsername(session.getCallerPrincipal().getName()), command, true);
    }

    /** A send on behalf of a tenant established otherwise than by the caller (the JMS batch queue). */
    @PermitAll
    public SendReceipt sendAs(TenantRef tenant, SendCommand command) {
        return accept(tenant, command, false);
    }

    private SendReceipt accept(TenantRef tenant, SendCommand command, boolean grouped) {
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
        List<MessageStore.NewMessage> messages = new ArrayList<>(verdicts.size());
        List<RecipientOutcome> outcomes = new ArrayList<>(verdicts.size());
        for (Acceptance.Verdict verdict : verdicts) {
            messages.add(verdict.message());
            outcomes.add(verdict.outcome());
        }
        // the stored messages are the outbox: DispatchRelay hands them to the dispatch queue
        AcceptedRequest request = new AcceptedRequest(tenant.id(), command, hash, now, messages);
        long requestId;
        try {
            requestId = grouped ? groupCommit.commit(request) : storeHere(request);
        } catch (StoreException e) {
            if (e.isDuplicate()) {
                throw new DuplicateRequestException(command.clientReference());
            }
            throw e;
        }
        return new SendReceipt(requestId, now, outcomes);
    }

    /** In the caller's transaction. */
    private long storeHere(AcceptedRequest request) {
        long requestId = store.insertRequest(request.tenantId(), request.command(), request.hash(), request.acceptedAt());
        store.insertMessages(requestId, request.messages(), request.acceptedAt(), request.source());
        return requestId;
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
