package com.smshub.sending.control;

import java.time.OffsetDateTime;
import java.util.List;

import com.smshub.sending.entity.SendCommand;

/** A judged send about to be stored: its request row and its messages (the outbox). */
public record AcceptedRequest(long tenantId, SendCommand command, String hash, OffsetDateTime acceptedAt,
        List<MessageStore.NewMessage> messages) {

    /** Where its first status change says it came from. */
    public String source() {
        return command.kind() == SendCommand.Kind.SMS ? "SendSms" : "SendBatch";
    }
}
