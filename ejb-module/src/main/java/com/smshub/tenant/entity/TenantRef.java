package com.smshub.tenant.entity;

/**
 * The tenant a call is made as: its id in the database, its user name, and the country (ISO 3166, SE) whose
 * national numbers it writes, or null where none is configured.
 */
public record TenantRef(long id, String username, String defaultRegion) {
}
