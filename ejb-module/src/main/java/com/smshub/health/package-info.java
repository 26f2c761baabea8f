/**
 * Liveness of the gateway and of its provider accounts: what the contract's Ping answers.
 */
package com.smshub.health;
