package com.smshub.provider.spi;

import java.util.Optional;

/**
 * Asking the provider for the status of a message whose report did not come, or whose outcome is unknown.
 * By the provider's id; by our id alone only where {@link Capabilities.Feature#STATUS_BY_REFERENCE} says
 * the provider can find it so.
 */
public interface StatusPolling {

    /**
     * @param messageId         our id, which the message carried to the provider as its reference
     * @param providerMessageId the provider's id, exactly as the provider gave it, or null
     * @return what the provider says, or empty when it cannot say now (or cannot be asked); never throws
     */
    Optional<PolledStatus> poll(String messageId, String providerMessageId, Account account);
}
