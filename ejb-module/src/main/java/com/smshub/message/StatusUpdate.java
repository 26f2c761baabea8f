package com.smshub.message;

import java.time.OffsetDateTime;
import java.util.Objects;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.Reason;

/**
 * A change of a message's status as the history records it: what it moves to, where it came from, what the
 * provider said and why. The reason explains the status it comes with, so a later status replaces it.
 *
 * @param checkAt when the status poller should next ask about the message: null ends the checks (a final
 *                status), {@link #KEEP_CHECKS} leaves them as they are
 */
public record StatusUpdate(MessageStatus status, String source, ProviderReport report, Reason reason, OffsetDateTime checkAt) {

    /** Leaves the message's next check where it was. */
    public static final OffsetDateTime KEEP_CHECKS = OffsetDateTime.MIN;

    public StatusUpdate {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
    }
}
