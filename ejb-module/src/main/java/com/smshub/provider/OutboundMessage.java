package com.smshub.provider;

import com.smshub.sending.entity.Msisdn;
import com.smshub.sending.entity.SmsContent;

/** One message as the gateway hands it to a provider adapter. */
public record OutboundMessage(String messageId, Msisdn recipient, SmsContent content) {
}
