package com.smshub.provider.spi;

import java.util.List;

import com.smshub.kernel.Money;

/** Asking the provider what messages would cost before they are sent (MOBIPACE's Calculate). */
public interface PriceQuote {

    /**
     * The price of each message, in order; null for one the provider would not send.
     *
     * @throws ProviderUnavailableException when the provider does not answer
     */
    List<Money> price(List<OutboundMessage> messages, Account account);
}
