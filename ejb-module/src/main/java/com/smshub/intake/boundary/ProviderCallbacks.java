package com.smshub.intake.boundary;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Callback;
import com.smshub.provider.spi.CallbackAnswer;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.Providers;
import com.smshub.provider.spi.PushReceiving;

/**
 * The one entry point of what providers push ({@code /smshub/callbacks/<provider>/...}): the request goes to
 * its provider's adapter, which authenticates and parses it and hands what it says to the port. All of it
 * runs in one transaction, committed before the answer goes back, so a provider is told "received" only of
 * what is durable, and a provider that hears nothing sends again. A CDI bean with a transactional
 * interceptor: providers are not the tenants EJB security is about, and this door is the report path's
 * hottest call.
 */
@ApplicationScoped
public class ProviderCallbacks {

    @Inject
    Providers providers;

    @Inject
    ProviderEvents events;

    @Transactional(Transactional.TxType.REQUIRED)
    public CallbackAnswer receive(String provider, Callback callback) {
        Optional<PushReceiving> receiver = provider(provider)
                .flatMap(code -> providers.capability(code, PushReceiving.class));
        if (receiver.isEmpty()) {
            return CallbackAnswer.notFound("No provider '" + provider + "' pushes to this gateway");
        }
        return receiver.get().receive(callback, events);
    }

    private static Optional<ProviderCode> provider(String name) {
        try {
            return Optional.of(ProviderCode.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
