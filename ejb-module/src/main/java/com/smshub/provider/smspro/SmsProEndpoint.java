package com.smshub.provider.smspro;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import com.smshub.kernel.Configuration;
import com.smshub.provider.spi.Account;

/**
 * Where and as whom to reach SMS Pro for one account. The base address ends with the customer id
 * ({@code https://sms-pro.net:44343/services/CUSTOMERID}); the operations hang below it (sections 6, 6.8, 11).
 * The customer id and password go in each document (section 2); Appendix 1's additional credentials, a user and
 * password of their own, go in HTTP Basic authentication where the account has them.
 *
 * @param basic the Authorization header's user and password, or null for none (an agreement on a fixed address)
 */
public record SmsProEndpoint(URI base, String customerId, String password, Duration timeout, URI billing, Basic basic) {

    /** Appendix 1's additional credentials. */
    public record Basic(String username, String password) {

        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Basic[" + username + "]";
        }
    }

    /**
     * How long one request may take before its outcome counts as unknown: 10 s, or the system property
     * {@code smshub.provider.timeout-seconds}.
     */
    public static final Duration DEFAULT_TIMEOUT = Configuration.seconds("smshub.provider.timeout-seconds", 10);

    public SmsProEndpoint {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(timeout, "timeout");
        String text = base.toString();
        if (text.endsWith("/")) {
            base = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /**
     * How long a Billing Pro request may take: it answers only once the operator has (section 10), so longer
     * than a send; 30 s, or the system property {@code smshub.provider.billing-timeout-seconds}.
     */
    public static final Duration BILLING_TIMEOUT = Configuration.seconds("smshub.provider.billing-timeout-seconds", 30);

    public static SmsProEndpoint of(Account account) {
        SmsProSettings settings = SmsProSettings.of(account);
        String billing = settings.billingUrl();
        return new SmsProEndpoint(URI.create(account.endpointUrl()), account.username() == null ? "" : account.username(),
                account.secret() == null ? "" : account.secret(), DEFAULT_TIMEOUT, billing == null ? null : URI.create(billing),
                settings.basicUsername() == null ? null : new Basic(settings.basicUsername(), settings.basicPassword()));
    }

    /** The same account, with Billing Pro's longer wait. */
    public SmsProEndpoint forBilling() {
        return new SmsProEndpoint(base, customerId, password, BILLING_TIMEOUT, billing, basic);
    }

    /** Section 6: MT and MTB requests. */
    public URI sendSms() {
        return URI.create(base + "/sendsms");
    }

    /** Section 6.8: delivery status requests. */
    public URI status() {
        return URI.create(base + "/status");
    }

    /**
     * Section 10: Billing Pro. The document names no address for it; the gateway posts to {@code <base>/billing}
     * beside sendsms, and an account's setting {@code billingUrl} overrides it.
     */
    public URI billing() {
        return billing != null ? billing : URI.create(base + "/billing");
    }

    /** Section 11: keep-alive. */
    public URI alive() {
        return URI.create(base + "/alive");
    }

    /** The Authorization header of Appendix 1, if the account has its credentials. */
    public Optional<String> basicAuthorization() {
        return Optional.ofNullable(basic).map(b -> "Basic " + Base64.getEncoder()
                .encodeToString((b.username() + ":" + b.password()).getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Override
    public String toString() {
        return "SmsProEndpoint[" + base + "]";
    }
}
