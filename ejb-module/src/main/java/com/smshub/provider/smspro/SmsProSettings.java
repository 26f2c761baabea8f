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
 * @param billingUrl           Billing Pro's address (section 10 names none), or null for {@code <endpoint>/billing}
 */
public record SmsProSettings(int recipientsPerRequest, String billingUrl) {

    static final String RECIPIENTS_PER_REQUEST = "recipientsPerRequest";
    static final String BILLING_URL = "billingUrl";

    /** Section 6: one MT request carries at most about 100 recipients of one text. */
    static final int MOST_RECIPIENTS = 100;

    public static SmsProSettings of(Settings settings) {
        settings.allowOnly("SMS Pro", Set.of(RECIPIENTS_PER_REQUEST, BILLING_URL));
        return new SmsProSettings(settings.integer(RECIPIENTS_PER_REQUEST, 1, 1, MOST_RECIPIENTS), settings.url(BILLING_URL));
    }

    public static SmsProSettings of(Account account) {
        return of(account.settings());
    }
}
