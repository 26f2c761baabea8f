/**
 * The provider boundary: what every provider adapter implements and what the core offers them.
 *
 * <ul>
 * <li>{@link com.smshub.provider.spi.ProviderAdapter} names the provider, declares its
 * {@link com.smshub.provider.spi.Capabilities} for an account and checks the account's settings. Each other
 * capability is a small interface of its own, implemented only by the adapters that have it:
 * {@link com.smshub.provider.spi.MessageSending}, {@link com.smshub.provider.spi.GroupSending},
 * {@link com.smshub.provider.spi.StatusPolling}, {@link com.smshub.provider.spi.PushReceiving},
 * {@link com.smshub.provider.spi.SessionProviding}, {@link com.smshub.provider.spi.BalanceQuery},
 * {@link com.smshub.provider.spi.PriceQuote}, {@link com.smshub.provider.spi.SubscriberCharging}.</li>
 * <li>{@link com.smshub.provider.spi.ProviderEvents} is the port the core implements: adapters hand it
 * what providers tell (delivery reports matched by our id or the provider's, inbound messages, billing
 * results), a group in one transaction.</li>
 * <li>Adapters see an account as {@link com.smshub.provider.spi.Account}, secret already opened, never the
 * persistent entity; the core throttles, routes, retries and records. An adapter never names another
 * provider's package, and nothing outside a provider's package names its types (ArchitectureTest).</li>
 * </ul>
 */
package com.smshub.provider.spi;
