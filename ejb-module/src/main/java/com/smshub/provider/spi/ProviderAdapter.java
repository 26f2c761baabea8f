package com.smshub.provider.spi;

import java.util.Set;

import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Liveness;

/**
 * What every provider adapter is: a CDI bean that names its provider, declares what it can do for an account
 * and checks an account's settings. Everything else it does is a capability interface of its own
 * ({@link MessageSending}, {@link StatusPolling}, ...), implemented only where the provider has it.
 */
public interface ProviderAdapter {

    /** The provider this adapter speaks to. */
    ProviderCode provider();

    /** What the provider can do for this account (some limits follow the account's settings). */
    Capabilities capabilities(Account account);

    /**
     * Checks an operator's settings for an account of this provider before they are stored.
     *
     * @throws com.smshub.kernel.InvalidValueException naming the setting and the rule it breaks
     */
    void checkSettings(Settings settings);

    /**
     * The names of this provider's settings whose values are secrets (a second password, say): stored sealed,
     * handed to the adapter opened, never shown to operators (docs/security.md).
     */
    default Set<String> secretSettings() {
        return Set.of();
    }

    /**
     * Asks the provider whether this account is usable, with the cheapest call its API offers. Never
     * throws: a failure is a {@link Liveness.State#DOWN} answer.
     */
    Liveness probe(Account account);
}
