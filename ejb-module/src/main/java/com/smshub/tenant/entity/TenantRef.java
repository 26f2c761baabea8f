package com.smshub.tenant.entity;

/** The tenant a call is made as: its id in the database, its user name, its default country. */
public record TenantRef(long id, String username, String defaultCountryCode) {
}
