package com.smshub.message;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.SmsContent;

/**
 * A message claimed for dispatch: its row is locked by the caller's transaction until it ends, as read.
 *
 * @param accountId the account chosen at acceptance, or null
 */
public record ClaimedMessage(String id, long tenantId, Msisdn recipient, SmsContent content, MessageStatus status,
        Long accountId) {
}
