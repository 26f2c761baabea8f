package com.smshub.tenant.entity;

/**
 * What an operator sets on a tenant or an operator; null leaves a field as it is (on creation: display name the
 * user name, role tenant, enabled, the region unset).
 */
public record TenantChange(String displayName, String role, Boolean enabled, String defaultRegion) {
}
