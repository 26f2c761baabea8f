package com.smshub.health.entity;

import java.time.OffsetDateTime;
import java.util.List;

import com.smshub.kernel.Liveness;

/**
 * What Ping answers: the gateway's own state and that of every enabled provider account.
 *
 * @param database whether the database answered
 */
public record HealthReport(String version, OffsetDateTime serverTime, String tenant, boolean database,
        List<AccountHealth> accounts) {

    /** The overall state of the gateway. */
    public enum Overall {
        /** The database and every probed account answered. */
        UP,
        /** The gateway works, but at least one account does not answer. */
        DEGRADED,
        /** The gateway cannot serve: its database does not answer. */
        DOWN
    }

    public HealthReport {
        accounts = List.copyOf(accounts);
    }

    public Overall overall() {
        if (!database) {
            return Overall.DOWN;
        }
        boolean accountDown = accounts.stream().anyMatch(a -> a.liveness().state() == Liveness.State.DOWN);
        return accountDown ? Overall.DEGRADED : Overall.UP;
    }
}
