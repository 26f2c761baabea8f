/**
 * Inbound messages: what subscribers send, as providers deliver it, stored once each. Depends on the
 * kernel and the provider boundary's {@code InboundMessage} and {@code ProviderEvents.Concatenation} only.
 */
package com.smshub.inbound;
