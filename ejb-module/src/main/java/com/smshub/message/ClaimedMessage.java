package com.smshub.message;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.SmsContent;

/**
 * A message claimed for dispatch, as read under the claim's row lock: waiting, with no attempt under way.
 *
 * @param accountId the account chosen at acceptance, or null
 * @param attempts  the attempts made before this one
 */
public record ClaimedMessage(String id, long tenantId, Msisdn recipient, SmsContent content, MessageStatus status,
        Long accountId, int attempts) {
}
