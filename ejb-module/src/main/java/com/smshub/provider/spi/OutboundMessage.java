package com.smshub.provider.spi;

import com.smshub.kernel.Msisdn;
import com.smshub.kernel.SmsContent;

/**
 * One message as the core hands it to an adapter. The adapter gives the provider {@code messageId} as the
 * message's reference wherever the provider keeps one, so that a duplicate sent after a crash is known for
 * what it is and a report can name our message.
 */
public record OutboundMessage(String messageId, Msisdn recipient, SmsContent content) {
}
