/**
 * Liveness of the gateway and of its provider accounts: what the contract's Ping answers, and what the server's
 * MicroProfile Health checks (health-module, in the EAR's lib/) ask through {@code boundary.Readiness}.
 */
package com.smshub.health;
