package com.smshub.message.entity;

/** A message as an operator finds it: whose it is and which account took it, beside what the tenant reads. */
public record FoundMessage(String tenant, String account, MessageView message) {
}
