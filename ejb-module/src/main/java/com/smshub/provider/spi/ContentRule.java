package com.smshub.provider.spi;

import java.util.function.Predicate;

import com.smshub.kernel.SmsContent;

/**
 * Something a provider refuses that the contract allows (SMS Pro's schema: a sender with '_', a sub id outside
 * ASCII, a premium rate in fractions of an öre): declared by its adapter in its {@link Capabilities}, checked when
 * the route is chosen. A route whose provider would refuse the content is not a candidate; when every route that
 * reaches the number refuses it, the caller gets a VALIDATION fault naming the field, instead of a message sent
 * and refused, or retried until FAILED.
 *
 * @param field   the contract's field at fault, relative to the message ({@code originator/value}, {@code tags/subId1})
 * @param reason  what the provider takes, in a sentence for the caller
 * @param refuses whether the provider refuses this content
 */
public record ContentRule(String field, String reason, Predicate<SmsContent> refuses) {
}
