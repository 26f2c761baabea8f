package com.smshub.status.boundary;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import com.smshub.kernel.NotFoundException;
import com.smshub.message.entity.ChangePage;
import com.smshub.message.MessageReads;
import com.smshub.message.entity.MessageView;
import com.smshub.tenant.control.TenantDirectory;

/** GetMessageStatus and GetStatusChanges: a tenant reads only its own messages. */
@Stateless
@RolesAllowed("tenant")
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MessageQueries {

    @Resource
    SessionContext session;

    @Inject
    TenantDirectory tenants;

    @Inject
    MessageReads reads;

    /** @throws NotFoundException when an id is not the tenant's */
    public List<MessageView> byIds(List<String> ids) {
        List<MessageView> found = reads.byIds(tenant(), ids);
        if (found.size() < ids.size()) {
            List<String> known = found.stream().map(MessageView::messageId).toList();
            for (int i = 0; i < ids.size(); i++) {
                if (!known.contains(ids.get(i))) {
                    throw new NotFoundException("messageId[" + (i + 1) + "]", "No message " + ids.get(i) + " for this tenant.");
                }
            }
        }
        return found;
    }

    /** @throws NotFoundException when no reference matches a message of the tenant */
    public List<MessageView> byClientReferences(List<String> references) {
        List<MessageView> found = reads.byClientReferences(tenant(), references);
        if (found.isEmpty()) {
            throw new NotFoundException("clientReference", "No message sent with these client references.");
        }
        return found;
    }

    public ChangePage changes(long afterChangeId, int maxResults) {
        return reads.changes(tenant(), afterChangeId, maxResults);
    }

    private long tenant() {
        return tenants.byUsername(session.getCallerPrincipal().getName()).id();
    }
}
