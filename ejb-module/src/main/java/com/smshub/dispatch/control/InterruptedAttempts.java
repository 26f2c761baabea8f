package com.smshub.dispatch.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
import com.smshub.kernel.Counters;
import com.smshub.kernel.Reason;
import com.smshub.message.Attempts;
import com.smshub.message.Attempts.OpenAttempt;
import com.smshub.routing.entity.AmbiguityPolicy;
import com.smshub.status.control.CheckPolicy;

/**
 * Resolves attempts nobody will finish: those of an earlier boot of this node (a crash, a kill -9) at once, any
 * other after {@code smshub.dispatch.attempt-stale-seconds} (600; longer than any provider call may last, so a
 * live one is never taken for dead). Such a message may or may not have reached its provider; its account's
 * policy decides (AmbiguityPolicy): HOLD, the default, makes it UNKNOWN with reason ATTEMPT_INTERRUPTED (a later
 * report or a question by our id settles it where the provider offers one), RESEND sends it again, at most
 * {@code smshub.dispatch.most-attempts} (5) attempts in all. Counted: {@code dispatch.attempt-held},
 * {@code dispatch.attempt-resent}, and each by provider ({@code dispatch.attempt-held.mymsp}). Runs in the caller's transaction.
 */
@ApplicationScoped
public class InterruptedAttempts {

    private static final Logger LOG = Logger.getLogger(InterruptedAttempts.class.getName());
    static final String SOURCE = "ATTEMPT_JOURNAL";
    static final Duration STALE = Configuration.seconds("smshub.dispatch.attempt-stale-seconds", 600);
    static final int MOST_ATTEMPTS = Configuration.integer("smshub.dispatch.most-attempts", 5);

    @Inject
    Attempts attempts;

    /** Resolves up to {@code most} interrupted attempts; answers how many. */
    public int resolve(int most) {
        Instant now = Instant.now();
        // every open attempt, so that one of this node's earlier boot is found however young; few are open at a time
        List<OpenAttempt> gone = attempts.openBefore(now, most).stream()
                .filter(a -> AttemptOwner.earlierBootOfThisNode(a.owner()) || a.startedAt().isBefore(now.minus(STALE)))
                // rows changed in key order, as claims lock them
                .sorted(Comparator.comparing(OpenAttempt::messageId)).toList();
        int resolved = 0;
        for (OpenAttempt attempt : gone) {
            boolean resend = AmbiguityPolicy.RESEND.name().equals(attempt.policy()) && attempt.attempt() < MOST_ATTEMPTS;
            if (resend ? attempts.resend(attempt, SOURCE) : attempts.hold(attempt, reason(attempt),
                    now.atOffset(ZoneOffset.UTC).plus(CheckPolicy.BACKOFF), SOURCE)) {
                String counter = resend ? "dispatch.attempt-resent" : "dispatch.attempt-held";
                Counters.increment(counter);
                if (attempt.provider() != null) {
                    Counters.increment(counter + "." + attempt.provider().name().toLowerCase(java.util.Locale.ROOT));
                }
                resolved++;
            }
        }
        if (resolved > 0) {
            int count = resolved;
            LOG.warning(() -> count + " interrupted dispatch attempts resolved by their accounts' policies (held or resent)");
        }
        return resolved;
    }

    private static Reason reason(OpenAttempt attempt) {
        return new Reason("ATTEMPT_INTERRUPTED", "Attempt " + attempt.attempt() + " to hand this message to "
                + (attempt.provider() == null ? "a provider" : attempt.provider()) + " was cut off (by " + attempt.owner()
                + ") before its outcome was recorded: whether the provider took it is not known. Not sent again (account "
                + "policy " + (AmbiguityPolicy.RESEND.name().equals(attempt.policy()) ? "RESEND, attempts used up" : "HOLD")
                + "); a later report settles it.");
    }
}
