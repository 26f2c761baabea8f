/**
 * Balances: what the provider accounts have left (GetBalance), asked of the providers that keep one.
 */
package com.smshub.balance;
