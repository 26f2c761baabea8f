package com.smshub.routing.entity;

/**
 * What becomes of a message whose attempt was cut off between the call to the provider and the record of its
 * outcome (a crash, a kill, a database that would not commit): the provider may or may not have it
 * (docs/reliability.md).
 */
public enum AmbiguityPolicy {
    /**
     * The default: UNKNOWN with its reason, never sent again; settled by a later report by our id or a question
     * by our id where the provider answers one, else UNRESOLVED at the deadline.
     */
    HOLD,
    /** Sent again at once: for traffic where a duplicate is better than a loss (one-time codes, alerts). */
    RESEND
}
