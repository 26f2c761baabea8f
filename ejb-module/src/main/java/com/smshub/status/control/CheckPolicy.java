package com.smshub.status.control;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.smshub.kernel.Configuration;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Reason;
import com.smshub.message.DueCheck;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.Capabilities;

/**
 * When an open message is asked about again, and when no more: after 1, 2, 4 ... times the back-off
 * (smshub.status.poll-backoff-seconds, 60 by default), at most every hour, until nothing has changed for the
 * deadline (smshub.status.deadline-seconds, two days by default), counted from its last status change.
 */
public final class CheckPolicy {

    /** The first wait between two checks of one message (system property smshub.status.poll-backoff-seconds). */
    public static final Duration BACKOFF = Configuration.seconds("smshub.status.poll-backoff-seconds", 60);

    public static final Duration DEADLINE = Configuration.seconds("smshub.status.deadline-seconds", 2 * 24 * 3600);

    private CheckPolicy() {
    }

    /** The next check, or why checks end (a reason, and no time). */
    public record Next(OffsetDateTime at, Reason reason) {
    }

    public static Next after(DueCheck due, OffsetDateTime now) {
        if (!now.isBefore(due.lastChangeAt().plus(DEADLINE))) {
            return new Next(null, due.status() == MessageStatus.UNKNOWN
                    ? new Reason("UNRESOLVED", "The provider never said whether it sent this message; no longer asked "
                            + "after " + DEADLINE.toHours() + " h without news. It was not sent again.")
                    : new Reason("NO_FINAL_REPORT", "The provider accepted this message and never reported its delivery; "
                            + "no longer asked after " + DEADLINE.toHours() + " h without news."));
        }
        long seconds = Math.min(3600, BACKOFF.toSeconds() << Math.min(6, due.polls()));
        return new Next(now.plusSeconds(seconds), null);
    }

    /** Whether the provider can be asked about this message: by its id, or by ours where it can find it so. */
    public static boolean canAsk(DueCheck due, Capabilities capabilities) {
        return capabilities.has(Feature.STATUS_POLL)
                && (due.providerMessageId() != null || capabilities.has(Feature.STATUS_BY_REFERENCE));
    }
}
