package com.smshub.provider.mymobileapi;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;

import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.Money;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Settings;

/**
 * A MyMobileAPI account's own settings (docs/providers/mymobileapi.md).
 *
 * @param messagesPerRequest how many messages share one Send_STR_STR call (entries of one senddata), 1 to 500,
 *                           100 by default; each keeps its own status
 * @param timeZone           the zone of the dates and times in senddata (the account's, as MyMobileAPI keeps
 *                           it), Africa/Johannesburg by default
 * @param creditPrice        what one of the account's credits costs ("0.35 ZAR"), or null: with it, CalculatePrice
 *                           asks MyMobileAPI (a Send_STR_STR with live False) how many credits each message would
 *                           use; without it, the route's price table answers
 * @param shortCodeFeed      whether the account's short code entries are read (ShortCode_Get_STR_STR), for an
 *                           account that has short codes; false by default (replies are always read)
 */
public record MyMobileApiSettings(int messagesPerRequest, ZoneId timeZone, Money creditPrice, boolean shortCodeFeed) {

    static final String MESSAGES_PER_REQUEST = "messagesPerRequest";
    static final String TIME_ZONE = "timeZone";
    static final String CREDIT_PRICE = "creditPrice";
    static final String SHORT_CODE_FEED = "shortCodeFeed";

    public static MyMobileApiSettings of(Settings settings) {
        settings.allowOnly("MyMobileAPI", Set.of(MESSAGES_PER_REQUEST, TIME_ZONE, CREDIT_PRICE, SHORT_CODE_FEED));
        String zone = settings.text(TIME_ZONE, "Africa/Johannesburg");
        ZoneId timeZone;
        try {
            timeZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidValueException(TIME_ZONE + " is a time zone such as Africa/Johannesburg, not '" + zone + "'");
        }
        return new MyMobileApiSettings(settings.integer(MESSAGES_PER_REQUEST, 100, 1, 500), timeZone,
                creditPrice(settings.text(CREDIT_PRICE, null)), settings.flag(SHORT_CODE_FEED, false));
    }

    private static Money creditPrice(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.strip().split("\\s+");
        try {
            if (parts.length == 2 && new BigDecimal(parts[0]).signum() >= 0) {
                return new Money(new BigDecimal(parts[0]), parts[1]);
            }
        } catch (NumberFormatException | InvalidValueException e) {
            // told below
        }
        throw new InvalidValueException(CREDIT_PRICE + " is an amount and a currency such as '0.35 ZAR', not '" + value + "'");
    }

    public static MyMobileApiSettings of(Account account) {
        return of(account.settings());
    }
}
