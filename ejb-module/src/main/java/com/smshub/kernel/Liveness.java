package com.smshub.kernel;

import java.time.Duration;
import java.util.Objects;

/**
 * What a liveness probe of one provider account found.
 *
 * @param state   whether the account answered as expected
 * @param latency how long the probe took; zero when it was not probed
 * @param detail  what the provider answered, or why the probe failed
 */
public record Liveness(State state, Duration latency, String detail) {

    /** The outcome of a probe. */
    public enum State {
        /** Answered as its specification says a healthy account does. */
        UP,
        /** Did not answer, or answered with an error. */
        DOWN,
        /** Not probed: no adapter for the provider, or the caller asked not to. */
        NOT_CHECKED
    }

    public Liveness {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(latency, "latency");
    }

    public static Liveness up(Duration latency, String detail) {
        return new Liveness(State.UP, latency, detail);
    }

    public static Liveness down(Duration latency, String detail) {
        return new Liveness(State.DOWN, latency, detail);
    }

    public static Liveness notChecked(String detail) {
        return new Liveness(State.NOT_CHECKED, Duration.ZERO, detail);
    }
}
