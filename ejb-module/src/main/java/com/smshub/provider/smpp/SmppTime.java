package com.smshub.provider.smpp;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * SMPP 3.4's time format (section 7.1.1): an absolute time {@code YYMMDDhhmmsstnnp} (here always in UTC,
 * "00+"), a relative one {@code YYMMDDhhmmss000R}.
 */
final class SmppTime {

    private SmppTime() {
    }

    /** schedule_delivery_time: when the SMSC is to send the message; null when now. */
    static String absolute(OffsetDateTime at) {
        if (at == null) {
            return null;
        }
        OffsetDateTime utc = at.withOffsetSameInstant(ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%02d%02d%02d%02d%02d%02d%d00+", utc.getYear() % 100, utc.getMonthValue(),
                utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond(), utc.getNano() / 100_000_000);
    }

    /**
     * validity_period for a message valid this many minutes from when it is to be sent: relative (counted by the
     * SMSC from when it takes the message) when it is sent now, absolute when it is scheduled, since a relative
     * period would count from submission and a message scheduled beyond it would expire unsent. Null: the SMSC's
     * default.
     */
    static String validity(OffsetDateTime scheduledAt, Integer minutes) {
        if (minutes == null) {
            return null;
        }
        return scheduledAt == null ? relative(minutes) : absolute(scheduledAt.plusMinutes(minutes));
    }

    /** validity_period: how long the SMSC keeps trying, from the time it takes the message; null for its default. */
    static String relative(Integer minutes) {
        if (minutes == null) {
            return null;
        }
        int days = minutes / 1440;
        int hours = minutes % 1440 / 60;
        int rest = minutes % 60;
        // days beyond 31 are written as months and years: the format has no larger day field
        int years = days / 365;
        int months = days % 365 / 30;
        days = days % 365 % 30;
        return String.format(Locale.ROOT, "%02d%02d%02d%02d%02d00000R", years, months, days, hours, rest);
    }
}
