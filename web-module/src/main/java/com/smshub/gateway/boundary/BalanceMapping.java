package com.smshub.gateway.boundary;

import java.util.List;

import com.smshub.balance.entity.AccountBalance;
import com.smshub.gateway.v1.GetBalanceResponse;

/** The domain's account balances in the contract's terms. */
final class BalanceMapping {

    private BalanceMapping() {
    }

    static GetBalanceResponse response(List<AccountBalance> balances) {
        GetBalanceResponse response = new GetBalanceResponse();
        for (AccountBalance balance : balances) {
            com.smshub.gateway.v1.AccountBalance soap = new com.smshub.gateway.v1.AccountBalance();
            soap.setProvider(balance.provider().name());
            soap.setAccount(balance.account());
            soap.setCredits(balance.credits());
            soap.setBalance(SendMapping.money(balance.balance()));
            soap.setCreditLimit(SendMapping.money(balance.creditLimit()));
            soap.setAvailable(SendMapping.money(balance.available()));
            soap.setAsOf(Times.of(balance.asOf()));
            response.getBalance().add(soap);
        }
        return response;
    }
}
