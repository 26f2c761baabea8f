package com.smshub.sending.entity;

import java.time.OffsetDateTime;
import java.util.List;

import com.smshub.message.entity.RecipientOutcome;

/** The answer to an accepted send: the request's id and one outcome per recipient, in order. */
public record SendReceipt(long requestId, OffsetDateTime acceptedAt, List<RecipientOutcome> outcomes) {
}
