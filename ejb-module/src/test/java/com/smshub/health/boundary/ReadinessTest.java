package com.smshub.health.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.Liveness;

class ReadinessTest {

    @Test
    void eachAccountsStateSaysWhyWhenItIsNotUp() {
        assertEquals("UP 12 ms", Readiness.state(Liveness.up(Duration.ofMillis(12), "getMessage answered error")));
        assertEquals("DOWN: connection refused", Readiness.state(Liveness.down(Duration.ofSeconds(5), "connection refused")));
        assertEquals("NOT_CHECKED: not requested", Readiness.state(Liveness.notChecked("not requested")));
    }
}
