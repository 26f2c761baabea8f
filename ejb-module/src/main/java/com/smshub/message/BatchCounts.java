package com.smshub.message;

import java.util.Map;

import com.smshub.kernel.MessageStatus;

/**
 * How many of a request's messages are in each status, and how many are settled: in a final status, or
 * open with nothing more to learn (checks ended: no report will come, or none came before the deadline).
 */
public record BatchCounts(Map<MessageStatus, Integer> byStatus, int settled) {
}
