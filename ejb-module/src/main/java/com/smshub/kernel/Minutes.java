package com.smshub.kernel;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Times for providers that take whole minutes (SMS Pro's start_delivery, MOBIPACE's ScheduledDate). */
public final class Minutes {

    private Minutes() {
    }

    /**
     * The first whole minute not before the time asked: the contract's scheduledAt means "no earlier than", so
     * 10:00:30 goes at 10:01, not half a minute early.
     */
    public static OffsetDateTime notBefore(OffsetDateTime at) {
        OffsetDateTime minute = at.truncatedTo(ChronoUnit.MINUTES);
        return minute.isBefore(at) ? minute.plusMinutes(1) : minute;
    }
}
