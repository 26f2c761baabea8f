package com.smshub.provider.spi;

/**
 * Taking what a provider pushes to the gateway (delivery reports, inbound messages, billing results) at
 * {@code /smshub/callbacks/<provider>/...}. The adapter authenticates the request as its protocol allows,
 * parses it, hands what it says to the port and answers as its protocol wants. The core calls it in a
 * transaction and answers the provider only once that has committed, so a provider that gets no answer
 * sends again and the port's deduplication makes the repeat change nothing.
 */
public interface PushReceiving {

    CallbackAnswer receive(Callback callback, ProviderEvents events);
}
