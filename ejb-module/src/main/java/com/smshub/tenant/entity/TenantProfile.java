package com.smshub.tenant.entity;

/**
 * What a tenant's subscribers are told of it: its name, and what INFO answers (SMS Pro section 12.3: the
 * account owner's name, telephone number and e-mail address or URL), each null where not configured; and how
 * many automatic answers (TEST, INFO, a STOP's confirmation) one number may get from it in an hour, null for the
 * gateway's default.
 */
public record TenantProfile(TenantRef tenant, String displayName, String infoName, String infoPhone, String infoContact,
        Integer autoRepliesPerHour) {

    /** Whether INFO has something to answer: a name and at least one way to reach the owner. */
    public boolean hasInfo() {
        return infoName != null && (infoPhone != null || infoContact != null);
    }
}
