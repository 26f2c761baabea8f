package com.smshub.provider.spi;

import java.util.List;

/**
 * What became of handing a message to a provider. The distinction that matters is whether it may have
 * been sent: only an outcome that certainly was not sent allows another try or another route.
 */
public sealed interface SendOutcome {

    /**
     * The provider took it.
     *
     * @param providerMessageId the provider's id of the message, exactly as it gave it, or null
     * @param reportsFollow     whether the provider will report on this message by itself or when asked;
     *                          false where it reports on none of the request's messages (SMS Pro's
     *                          several recipients in one request, section 6)
     * @param partIds           the provider's ids of the parts, in order, where a long message went as
     *                          several requests and the provider reports on each part by its own id (SMPP
     *                          concatenation): the core rolls the parts' reports up into the message's status;
     *                          empty otherwise
     */
    record Accepted(String providerMessageId, String rawStatus, boolean reportsFollow, List<String> partIds)
            implements SendOutcome {

        public Accepted {
            partIds = List.copyOf(partIds);
        }

        public Accepted(String providerMessageId, String rawStatus, boolean reportsFollow) {
            this(providerMessageId, rawStatus, reportsFollow, List.of());
        }

        public Accepted(String providerMessageId, String rawStatus) {
            this(providerMessageId, rawStatus, true);
        }

        /** The longest provider id a message keeps (its column); a longer one could not be recorded. */
        public static final int MOST_ID_CHARACTERS = 255;

        /**
         * A long message's id as it is shown: its parts' ids joined with commas, as many whole ones as fit in
         * {@link #MOST_ID_CHARACTERS} and then ",…" (twelve parts of 36-character ids do not fit). Only shown: each
         * part's report finds the message by the part's own id, kept whole, and a question asks by every part's id.
         */
        public static String joined(List<String> partIds) {
            String all = String.join(",", partIds);
            if (all.length() <= MOST_ID_CHARACTERS) {
                return all;
            }
            StringBuilder shown = new StringBuilder();
            for (String id : partIds) {
                if (shown.length() + id.length() + 1 + 2 > MOST_ID_CHARACTERS) {
                    break;
                }
                shown.append(shown.isEmpty() ? "" : ",").append(id);
            }
            return shown.append(",…").toString();
        }
    }

    /**
     * The provider refused it; it was certainly not sent. With {@code failover} another route may take it
     * (an account problem, a refusal before acceptance); without, the message itself is at fault.
     */
    record Rejected(String code, String reason, boolean failover) implements SendOutcome {
    }

    /** Not sent, for a passing reason (no connection, HTTP 503: ExchangeFailure.NOT_SENT): try again later. */
    record Retry(String reason) implements SendOutcome {
    }

    /**
     * Not sent because the provider asked us to slow down (SMPP's throttling answer): not a failure, so it
     * costs the message none of its bounded attempts; it waits its turn. The core's own throttle gives the
     * same outcome without calling the adapter.
     */
    record Throttled(String reason) implements SendOutcome {
    }

    /** It may have been sent (a timeout after the request went out): never resend blindly, ask the provider. */
    record Unknown(String reason) implements SendOutcome {
    }
}
