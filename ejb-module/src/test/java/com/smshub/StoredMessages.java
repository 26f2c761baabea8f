package com.smshub;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.SmsContent;
import com.smshub.message.NewMessage;
import com.smshub.message.Outbox;
import com.smshub.sending.control.SendRequests;
import com.smshub.sending.entity.SendCommand;

/** Messages stored as acceptance stores them, for the integration tests; in the caller's transaction. */
public final class StoredMessages {

    private StoredMessages() {
    }

    /** Stores one request of {@code count} messages in this status, assigned to the account, and returns their ids. */
    public static List<String> store(SendRequests requests, Outbox outbox, long tenant, int count,
            MessageStatus status, Long accountId) {
        return store(requests, outbox, tenant, count, status, "+46700000000", ProviderCode.valueOf("SMSPRO"), accountId == null ? 1 : accountId);
    }

    /**
     * Stores one request of {@code count} messages to this recipient, in this status, assigned to the provider's
     * account, and returns their ids. None is due for dispatch: a test dispatches them itself.
     */
    public static List<String> store(SendRequests requests, Outbox outbox, long tenant, int count,
            MessageStatus status, String recipient, ProviderCode provider, long accountId) {
        SmsContent content = SmsContent.text("stored for a test").build();
        SendCommand command = new SendCommand(SendCommand.Kind.BATCH, null, null,
                List.of(new SendCommand.Item(null, recipient, content)));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<NewMessage> stored = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            stored.add(NewMessage.accepted(UUID.randomUUID().toString(),
                    new NewMessage.Addressee(tenant, i, null, recipient), content, content.segmentation(), status,
                    new NewMessage.Assignment(provider, accountId, null, null, null)));
        }
        outbox.insert(requests.insert(tenant, command, "hash", now), stored, now, "IT");
        return stored.stream().map(NewMessage::id).toList();
    }
}
