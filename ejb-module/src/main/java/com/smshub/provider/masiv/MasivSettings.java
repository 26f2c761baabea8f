package com.smshub.provider.masiv;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import com.smshub.kernel.InvalidValueException;
import com.smshub.provider.smpp.SmppSettings;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Settings;

/**
 * A Masiv account's own settings (docs/providers/masiv.md).
 *
 * @param timeZone       the zone of sendondate, UTC by default (Masiv gives its own dates in UTC)
 * @param handsetReports whether the account's route reports delivery to the handset (getMessage status 3, which
 *                       spec 003 calls optional): true by default, so that delivered to the network (2) is not taken
 *                       for the end and a delivery error (4) after it still counts; false for a route that reports
 *                       no further than the network, whose 2 is then DELIVERED
 */
public record MasivSettings(ZoneId timeZone, boolean handsetReports) {

    static final String TIME_ZONE = "timeZone";
    static final String HANDSET_REPORTS = "handsetReports";

    public static MasivSettings of(Settings settings) {
        // an account of Masiv's SMPP option takes the SMPP settings beside these (MasivAdapter)
        Set<String> known = new HashSet<>(SmppSettings.NAMES);
        known.add(TIME_ZONE);
        known.add(HANDSET_REPORTS);
        settings.allowOnly("Masiv", known);
        String zone = settings.text(TIME_ZONE, "UTC");
        boolean handset = settings.flag(HANDSET_REPORTS, true);
        try {
            return new MasivSettings(ZoneId.of(zone), handset);
        } catch (DateTimeException e) {
            throw new InvalidValueException(TIME_ZONE + " is a time zone such as America/Bogota, not '" + zone + "'");
        }
    }

    public static MasivSettings of(Account account) {
        return of(account.settings());
    }
}
