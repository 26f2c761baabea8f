/**
 * Money: charging and refunding subscribers (ChargeSubscriber, RefundSubscriber, through a provider that
 * charges: Billing Pro), and the ledger of every charge, refund and premium message's charge with the
 * provider's transaction id and the operator. Exactly once in effect: a charge is committed under the
 * tenant's client reference before its request leaves, its answer committed when it comes, and a charge
 * whose answer never came is UNKNOWN until operators reconcile it; the gateway never repeats one blindly.
 * Depends on the kernel, the provider boundary, routing (which account charges), tenant and sending's ids
 * and request exceptions.
 */
package com.smshub.billing;
