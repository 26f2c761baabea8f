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
 * @param questionsInFlight the most getMessage requests the status poller has in flight to the account at once
 *                       (8 by default, 1 to 64): Masiv answers one message a request, so a round of checks asked one
 *                       after another would take a round trip a message
 * @param sendsInFlight  the most sendmessage requests one dispatch group has in flight at once (8 by default, 1 to
 *                       64): the messages of a batch go in groups of this many, one attempt journalled and one
 *                       outcome written a group, each message still in its own request; 1 sends one at a time
 */
public record MasivSettings(ZoneId timeZone, boolean handsetReports, int questionsInFlight, int sendsInFlight) {

    static final String TIME_ZONE = "timeZone";
    static final String HANDSET_REPORTS = "handsetReports";
    static final String QUESTIONS_IN_FLIGHT = "questionsInFlight";
    static final String SENDS_IN_FLIGHT = "sendsInFlight";

    public static MasivSettings of(Settings settings) {
        // an account of Masiv's SMPP option takes the SMPP settings beside these (MasivAdapter)
        Set<String> known = new HashSet<>(SmppSettings.NAMES);
        known.add(TIME_ZONE);
        known.add(HANDSET_REPORTS);
        known.add(QUESTIONS_IN_FLIGHT);
        known.add(SENDS_IN_FLIGHT);
        settings.allowOnly("Masiv", known);
        String zone = settings.text(TIME_ZONE, "UTC");
        boolean handset = settings.flag(HANDSET_REPORTS, true);
        int inFlight = settings.integer(QUESTIONS_IN_FLIGHT, 8, 1, 64);
        int sends = settings.integer(SENDS_IN_FLIGHT, 8, 1, 64);
        try {
            return new MasivSettings(ZoneId.of(zone), handset, inFlight, sends);
        } catch (DateTimeException e) {
            throw new InvalidValueException(TIME_ZONE + " is a time zone such as America/Bogota, not '" + zone + "'");
        }
    }

    public static MasivSettings of(Account account) {
        return of(account.settings());
    }
}
