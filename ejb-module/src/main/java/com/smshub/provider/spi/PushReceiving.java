package com.smshub.provider.spi;

import java.util.Map;
import com.smshub.kernel.Callback;
import com.smshub.kernel.CallbackAnswer;

/**
 * Taking what a provider pushes to the gateway (delivery reports, inbound messages, billing results) at the
 * account's push addresses ({@link CallbackUrls}). The core has authenticated the push to the account before
 * the adapter sees it (the key in the address, and HTTP Basic and the source's address where the operator asks
 * for them); the adapter checks what its protocol adds (a per-message token, the customer id a document
 * names), parses the body, hands what it says to the port in one call and answers as its protocol wants. The
 * core calls it outside a transaction: each call to the port commits before it returns (a push's reports
 * together with those of other pushes), so the answer goes back only once what the push said is durable, a
 * provider that gets no answer sends again, and the port's deduplication makes the repeat change nothing.
 */
public interface PushReceiving {

    /**
     * The account's fixed push paths an operator gives the provider, each with what the provider sends there
     * ({@code "/mo"}: messages from subscribers); per-message addresses ({@link CallbackUrls#forMessage}) are
     * given by the adapter with each request and are not listed.
     */
    Map<String, String> pushPaths();

    /**
     * @param account the account the push is authenticated for: what it says may touch only this account's
     *                messages and charges
     */
    CallbackAnswer receive(Callback callback, Account account, ProviderEvents events);
}
