package com.smshub.provider.spi;

import java.util.Objects;

import com.smshub.kernel.ProviderCode;

/**
 * A provider account as an adapter sees it: where and as whom to reach the provider, and the account's
 * provider-specific settings. The secret is already opened (it is stored sealed); {@link #toString()} never
 * shows it.
 *
 * @param endpointUrl the provider's base address for this account (http, https or smpp)
 * @param username    the user, customer or system id the provider issued, or null
 * @param secret      the password or key the provider issued, or null
 * @param settings    the provider-specific settings an operator gave (typed and checked by the adapter)
 * @param limits      this node's throttle for the account, applied by the core around every request
 * @param pushKey     the key in the account's push addresses ({@link CallbackUrls}), opened; null where none is
 *                    known (an adapter that never gives the provider an address needs none)
 */
public record Account(long id, String name, ProviderCode provider, String endpointUrl, String username, String secret,
        Settings settings, Limits limits, String pushKey) {

    /** An account whose push addresses are not needed. */
    public Account(long id, String name, ProviderCode provider, String endpointUrl, String username, String secret,
            Settings settings, Limits limits) {
        this(id, name, provider, endpointUrl, username, secret, settings, limits, null);
    }

    /**
     * At most {@code perSecond} messages a second and {@code concurrent} requests at once, each null for no
     * limit.
     */
    public record Limits(Integer perSecond, Integer concurrent) {
        public static final Limits NONE = new Limits(null, null);
    }

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        settings = settings == null ? Settings.NONE : settings;
        limits = limits == null ? Limits.NONE : limits;
    }

    @Override
    public String toString() {
        return "Account[" + provider + " " + name + " " + endpointUrl + "]";
    }
}
