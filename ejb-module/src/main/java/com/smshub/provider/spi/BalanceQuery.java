package com.smshub.provider.spi;

import java.math.BigDecimal;

/** Asking the provider what is left on the account (MyMobileAPI's credits, MOBIPACE's balance). */
public interface BalanceQuery {

    /**
     * @throws ProviderUnavailableException when the provider does not answer
     */
    Balance balance(Account account);

    /**
     * An account's balance as the provider states it; each part null where it states none.
     *
     * @param unit         the currency (ISO 4217) or the provider's unit ("credits")
     * @param creditLimit  how far below zero the account may go
     * @param available    what may still be spent
     */
    record Balance(BigDecimal balance, BigDecimal creditLimit, BigDecimal available, String unit) {
    }
}
