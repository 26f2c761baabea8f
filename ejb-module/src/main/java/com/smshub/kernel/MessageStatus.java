package com.smshub.kernel;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The canonical message status (docs/status-mapping.md). Statuses only move forward: a report of an
 * earlier or equal rank is recorded in the history and changes nothing, and nothing leaves a final status.
 */
public enum MessageStatus {
    ACCEPTED(0, false),
    SCHEDULED(1, false),
    QUEUED(2, false),
    SUBMITTED(3, false),
    UNKNOWN(4, false),
    DELIVERED(5, true),
    UNDELIVERED(5, true),
    EXPIRED(5, true),
    REJECTED(5, true),
    FAILED(5, true);

    private final int rank;
    private final boolean terminal;

    MessageStatus(int rank, boolean terminal) {
        this.rank = rank;
        this.terminal = terminal;
    }

    public boolean isFinal() {
        return terminal;
    }

    /** The statuses a message may move to this one from. */
    public Set<MessageStatus> predecessors() {
        Set<MessageStatus> from = EnumSet.noneOf(MessageStatus.class);
        for (MessageStatus status : values()) {
            if (status.canMoveTo(this)) {
                from.add(status);
            }
        }
        return from;
    }

    /**
     * A long message's status from its parts' (one report a part: Masiv's acceptreports, SMPP's receipts):
     * the first failure found among them (rejected, undelivered, expired, failed: the message cannot be read
     * whole), delivered when every part is, unknown when no part is still in progress and some is unknown,
     * submitted otherwise.
     */
    public static MessageStatus rollUp(List<MessageStatus> parts) {
        for (MessageStatus failed : List.of(REJECTED, UNDELIVERED, EXPIRED, FAILED)) {
            if (parts.contains(failed)) {
                return failed;
            }
        }
        if (!parts.isEmpty() && parts.stream().allMatch(p -> p == DELIVERED)) {
            return DELIVERED;
        }
        return parts.contains(UNKNOWN) && parts.stream().noneMatch(p -> p == SUBMITTED) ? UNKNOWN : SUBMITTED;
    }

    /** Whether a message in this status may move to the next one. */
    public boolean canMoveTo(MessageStatus next) {
        return !terminal && next.rank > rank;
    }
}
