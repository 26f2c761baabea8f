package com.smshub.provider.smspro;

import java.util.Set;

import com.smshub.kernel.InvalidValueException;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Settings;

/**
 * An SMS Pro account's own settings (docs/providers/smspro.md).
 *
 * @param recipientsPerRequest how many recipients of one text share one MT request: 1 (the default) gives
 *                             each message its own delivery status; up to 100 (section 6's "about 100")
 *                             sends bulk faster, and SMS Pro then reports on none of them
 * @param billingUrl           Billing Pro's address (section 10 names none), or null for {@code <endpoint>/billing}
 * @param basicUsername        the user of Appendix 1's additional credentials (HTTP Basic), given by the agreement
 *                             beside the customer id; null where SMS Pro authenticates the account's fixed address
 *                             instead (section 2), and then no Authorization header is sent
 * @param basicPassword        its password (a secret setting: stored sealed, never shown)
 */
public record SmsProSettings(int recipientsPerRequest, String billingUrl, String basicUsername, String basicPassword) {

    static final String RECIPIENTS_PER_REQUEST = "recipientsPerRequest";
    static final String BILLING_URL = "billingUrl";
    static final String BASIC_USERNAME = "basicUsername";
    static final String BASIC_PASSWORD = "basicPassword";

    public SmsProSettings {
        if (basicUsername != null && (basicUsername.isEmpty() || basicUsername.length() > 128 || basicUsername.contains(":"))) {
            throw new InvalidValueException(BASIC_USERNAME + " is 1-128 characters without ':' (RFC 7617)");
        }
        if ((basicUsername == null) != (basicPassword == null)) {
            throw new InvalidValueException(BASIC_USERNAME + " and " + BASIC_PASSWORD + " go together (Appendix 1)");
        }
    }

    /** Section 6: one MT request carries at most about 100 recipients of one text. */
    static final int MOST_RECIPIENTS = 100;

    public static SmsProSettings of(Settings settings) {
        settings.allowOnly("SMS Pro", Set.of(RECIPIENTS_PER_REQUEST, BILLING_URL, BASIC_USERNAME, BASIC_PASSWORD));
        return new SmsProSettings(settings.integer(RECIPIENTS_PER_REQUEST, 1, 1, MOST_RECIPIENTS), settings.url(BILLING_URL),
                settings.text(BASIC_USERNAME, null), settings.text(BASIC_PASSWORD, null));
    }

    public static SmsProSettings of(Account account) {
        return of(account.settings());
    }

    @Override
    public String toString() {
        return "SmsProSettings[recipientsPerRequest=" + recipientsPerRequest + ", billingUrl=" + billingUrl
                + ", basicUsername=" + basicUsername + "]";
    }
}
