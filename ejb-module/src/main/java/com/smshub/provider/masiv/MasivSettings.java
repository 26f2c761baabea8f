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
 * @param timeZone the zone of sendondate, UTC by default (Masiv gives its own dates in UTC)
 */
public record MasivSettings(ZoneId timeZone) {

    static final String TIME_ZONE = "timeZone";

    public static MasivSettings of(Settings settings) {
        // an account of Masiv's SMPP option takes the SMPP settings beside these (MasivAdapter)
        Set<String> known = new HashSet<>(SmppSettings.NAMES);
        known.add(TIME_ZONE);
        settings.allowOnly("Masiv", known);
        String zone = settings.text(TIME_ZONE, "UTC");
        try {
            return new MasivSettings(ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new InvalidValueException(TIME_ZONE + " is a time zone such as America/Bogota, not '" + zone + "'");
        }
    }

    public static MasivSettings of(Account account) {
        return of(account.settings());
    }
}
