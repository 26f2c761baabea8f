package com.smshub.provider.smspro;

import java.util.Set;

import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Settings;

/**
 * An SMS Pro account's own settings (docs/providers/smspro.md).
 *
 * @param recipientsPerRequest how many recipients of one text share one MT request: 1 (the default) gives
 *                             each message its own delivery status; up to 100 (section 6's "about 100")
 *                             sends bulk faster, and SMS Pro then reports on none of them
 */
public record SmsProSettings(int recipientsPerRequest) {

    static final String RECIPIENTS_PER_REQUEST = "recipientsPerRequest";

    /** Section 6: one MT request carries at most about 100 recipients of one text. */
    static final int MOST_RECIPIENTS = 100;

    public static SmsProSettings of(Settings settings) {
        settings.allowOnly("SMS Pro", Set.of(RECIPIENTS_PER_REQUEST));
        return new SmsProSettings(settings.integer(RECIPIENTS_PER_REQUEST, 1, 1, MOST_RECIPIENTS));
    }

    public static SmsProSettings of(Account account) {
        return of(account.settings());
    }
}
