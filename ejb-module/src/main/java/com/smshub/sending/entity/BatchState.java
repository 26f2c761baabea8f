package com.smshub.sending.entity;

import java.time.OffsetDateTime;
import java.util.Map;

import com.smshub.kernel.MessageStatus;

/**
 * Where a batch stands: how many of its messages are in each status, and how many are settled (in a final
 * status, or open with nothing more to learn: no report will come, or none came before the deadline).
 */
public record BatchState(String batchId, int total, Map<MessageStatus, Integer> counts, int settled, OffsetDateTime acceptedAt) {

    /** Messages whose outcome is as known as it will be. */
    public int finished() {
        return settled;
    }

    public int progressPercent() {
        return total == 0 ? 100 : (int) (100L * finished() / total);
    }
}
