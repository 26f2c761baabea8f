package com.smshub.balance.entity;

import jakarta.ejb.ApplicationException;

/** A provider that keeps a balance did not tell it; asking again later may work. */
@ApplicationException(rollback = true)
public class BalanceUnavailableException extends RuntimeException {

    private final String account;

    public BalanceUnavailableException(String account, String message) {
        super(message);
        this.account = account;
    }

    /** The account whose provider did not answer. */
    public String account() {
        return account;
    }
}
