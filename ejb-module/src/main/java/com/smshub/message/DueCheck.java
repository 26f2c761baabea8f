package com.smshub.message;

import java.time.OffsetDateTime;

import com.smshub.kernel.MessageStatus;

/**
 * A message the status poller should ask its provider about now.
 *
 * @param providerMessageId the provider's id, or null where it never reached us
 * @param accountId         the account it went through, or null
 * @param lastChangeAt      when its status last changed
 * @param polls             how many checks left it open so far
 */
public record DueCheck(String messageId, MessageStatus status, String providerMessageId, Long accountId,
        OffsetDateTime lastChangeAt, int polls) {
}
