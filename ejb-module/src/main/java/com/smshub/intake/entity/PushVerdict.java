package com.smshub.intake.entity;

import com.smshub.provider.spi.Account;

/** Whether a push is taken, decided from its address and headers before its body is read. */
public sealed interface PushVerdict {

    /** Taken: the push is the account's. */
    record Allowed(Account account) implements PushVerdict {
    }

    /** Refused with this HTTP status (401, 403 or 404); {@code reason} is for the count and the log, never the caller. */
    record Refused(int status, String reason) implements PushVerdict {
    }
}
