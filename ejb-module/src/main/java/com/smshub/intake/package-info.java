/**
 * What providers tell the gateway: the callback entry point that hands each push to its provider's adapter,
 * and the core's implementation of the provider port ({@code ProviderEvents}), which applies reports to the
 * status ledger, stores inbound messages and records billing results.
 */
package com.smshub.intake;
