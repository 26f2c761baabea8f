package com.smshub.provider;

/**
 * What became of handing a message to a provider. The distinction that matters is whether it may have
 * been sent: only an outcome that certainly was not sent allows another try or another route.
 */
public sealed interface SendOutcome {

    /** The provider took it. */
    record Accepted(String providerMessageId, String rawStatus) implements SendOutcome {
    }

    /**
     * The provider refused it; it was certainly not sent. With {@code failover} another route may take it
     * (an account problem, a refusal before acceptance); without, the message itself is at fault.
     */
    record Rejected(String code, String reason, boolean failover) implements SendOutcome {
    }

    /** Not sent, for a passing reason (connection refused, HTTP 5xx): try again later. */
    record Retry(String reason) implements SendOutcome {
    }

    /**
     * Not sent because the account is at its configured rate or concurrency: not a failure, so it costs the
     * message none of its bounded attempts; it waits its turn.
     */
    record Throttled(String reason) implements SendOutcome {
    }

    /** It may have been sent (a timeout after the request went out): never resend blindly, ask the provider. */
    record Unknown(String reason) implements SendOutcome {
    }
}
