package com.smshub.inbound.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.inbound.control.InboundFeed;
import com.smshub.inbound.entity.InboundPage;
import com.smshub.tenant.control.TenantDirectory;

/**
 * GetInboundMessages: the calling tenant's messages from subscribers, from a cursor. Positions are given out
 * in commit order, so passing back the last one read never skips a message.
 */
@Stateless
@RolesAllowed("tenant")
public class InboundMessages {

    @Resource
    SessionContext session;

    @Inject
    TenantDirectory tenants;

    @Inject
    InboundFeed feed;

    public InboundPage after(long afterInboundId, int max) {
        return feed.after(tenants.byUsername(session.getCallerPrincipal().getName()).id(), afterInboundId, max);
    }
}
