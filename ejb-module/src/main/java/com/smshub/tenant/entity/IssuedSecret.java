package com.smshub.tenant.entity;

/** A secret (a tenant's) or a password (an operator's) as it was issued: shown this once, stored only as a hash. */
public record IssuedSecret(String username, String secret) {
}
