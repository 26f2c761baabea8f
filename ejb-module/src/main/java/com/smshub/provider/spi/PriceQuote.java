package com.smshub.provider.spi;

import java.util.List;

import com.smshub.kernel.Money;

/**
 * Asking the provider what messages would cost before they are sent (MOBIPACE's Calculate, MyMobileAPI's send
 * with live False).
 */
public interface PriceQuote {

    /** Whether this account's prices come from the provider; the route's price table answers where not. */
    default boolean quotes(Account account) {
        return true;
    }

    /**
     * The price of each message, in order; null for one the provider would not send.
     *
     * @throws ProviderUnavailableException when the provider does not answer
     */
    List<Money> price(List<OutboundMessage> messages, Account account);
}
