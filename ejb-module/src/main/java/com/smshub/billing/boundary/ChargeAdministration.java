package com.smshub.billing.boundary;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.audit.control.AuditLog;
import com.smshub.billing.control.ChargeBook;
import com.smshub.billing.entity.ChargeAnswer;
import com.smshub.billing.entity.ChargeRecord;
import com.smshub.billing.entity.ChargeState;
import com.smshub.billing.entity.LedgerTotal;
import com.smshub.billing.entity.NotReconcilableException;
import com.smshub.kernel.NotFoundException;

/**
 * Operators read the ledger (charges by state, totals per tenant and day) and reconcile UNKNOWN charges: a
 * charge whose request left without an answer is settled by what the provider's own records (Billing Pro's
 * transaction list, by our request_id) show, never by asking the provider to charge again.
 */
@Stateless
@RolesAllowed("operator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChargeAdministration {

    @Resource
    SessionContext session;

    @Inject
    ChargeBook book;

    @Inject
    AuditLog audit;

    public List<ChargeRecord> inState(ChargeState state) {
        return book.inState(state);
    }

    /** The ledger lines of a premium message's charge (one, or none before it was reported). */
    public List<ChargeRecord> ofMessage(String messageId) {
        return book.ofMessage(messageId);
    }

    public ChargeRecord charge(String id) {
        return book.find(id).orElseThrow(() -> new NotFoundException("id", "No charge " + id));
    }

    /** Every answer the provider gave to the charge's requests, including one that came after it was reconciled. */
    public List<ChargeAnswer> answers(String id) {
        return book.answers(id);
    }

    /**
     * Settles an UNKNOWN charge as APPROVED (with the provider's transaction id where known) or DECLINED.
     *
     * @throws NotReconcilableException when the charge is not UNKNOWN (it needs no reconciliation)
     */
    public ChargeRecord reconcile(String id, ChargeState outcome, String transactionId, String operator) {
        ChargeRecord before = charge(id); // NOT_FOUND first
        if (!book.reconcile(id, outcome, transactionId, operator, session.getCallerPrincipal().getName())) {
            throw new NotReconcilableException("Charge " + id + " is " + charge(id).state() + ", not UNKNOWN: nothing to reconcile");
        }
        ChargeRecord after = charge(id);
        audit.changed("charge.reconcile", "charge/" + id, before, after);
        return after;
    }

    public List<LedgerTotal> totals(LocalDate from, LocalDate to) {
        return book.totals(from, to);
    }
}
