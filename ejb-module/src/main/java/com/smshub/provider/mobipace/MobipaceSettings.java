package com.smshub.provider.mobipace;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;

import com.smshub.kernel.InvalidValueException;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Settings;

/**
 * A MOBIPACE account's own settings (docs/providers/mobipace.md).
 *
 * @param messagesPerRequest how many messages go in one Send request, 1 to 20,000 (limitation 1), 1,000 by default
 * @param sender             the sender name for messages that give no originator (it must be registered with
 *                           MOBIPACE), or null: then such messages are refused
 * @param currency           the account's currency as set at MOBIPACE (its answers name none), ISO 4217, or null
 * @param timeZone           the account's time zone at MOBIPACE, for ScheduledDate; UTC by default
 * @param sendWithinHours    spread each request's sending over this many hours (0-23), or null
 */
public record MobipaceSettings(int messagesPerRequest, String sender, String currency, ZoneId timeZone, Integer sendWithinHours) {

    static final String MESSAGES_PER_REQUEST = "messagesPerRequest";
    static final String SENDER = "sender";
    static final String CURRENCY = "currency";
    static final String TIME_ZONE = "timeZone";
    static final String SEND_WITHIN_HOURS = "sendWithinHours";

    public static MobipaceSettings of(Settings settings) {
        settings.allowOnly("MOBIPACE", Set.of(MESSAGES_PER_REQUEST, SENDER, CURRENCY, TIME_ZONE, SEND_WITHIN_HOURS));
        String currency = settings.text(CURRENCY, null);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new InvalidValueException(CURRENCY + " is an ISO 4217 code such as RUB, not '" + currency + "'");
        }
        String zone = settings.text(TIME_ZONE, "UTC");
        ZoneId timeZone;
        try {
            timeZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidValueException(TIME_ZONE + " is a time zone such as Europe/Moscow, not '" + zone + "'");
        }
        Integer within = settings.names().contains(SEND_WITHIN_HOURS) ? settings.integer(SEND_WITHIN_HOURS, 0, 0, 23) : null;
        return new MobipaceSettings(settings.integer(MESSAGES_PER_REQUEST, 1000, 1, 20_000), settings.text(SENDER, null),
                currency, timeZone, within);
    }

    public static MobipaceSettings of(Account account) {
        return of(account.settings());
    }
}
