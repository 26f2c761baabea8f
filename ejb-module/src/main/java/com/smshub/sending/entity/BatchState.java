package com.smshub.sending.entity;

import java.time.OffsetDateTime;
import java.util.Map;

import com.smshub.status.entity.MessageStatus;

/** Where a batch stands: how many of its messages are in each status. */
public record BatchState(String batchId, int total, Map<MessageStatus, Integer> counts, OffsetDateTime acceptedAt) {

    /** Messages in a final status. */
    public int finished() {
        return counts.entrySet().stream().filter(e -> e.getKey().isFinal()).mapToInt(Map.Entry::getValue).sum();
    }

    public int progressPercent() {
        return total == 0 ? 100 : (int) (100L * finished() / total);
    }
}
