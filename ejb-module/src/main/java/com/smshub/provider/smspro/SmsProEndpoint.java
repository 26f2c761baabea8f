package com.smshub.provider.smspro;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

import com.smshub.provider.spi.Account;

/**
 * Where and as whom to reach SMS Pro for one account. The base address ends with the customer id
 * ({@code https://sms-pro.net:44343/services/CUSTOMERID}); the operations hang below it (sections 6, 6.8, 11).
 * The customer id and password go in each document and, as Appendix 1 asks, in HTTP Basic authentication.
 */
public record SmsProEndpoint(URI base, String customerId, String password, Duration timeout, URI billing) {

    /**
     * How long one request may take before its outcome counts as unknown: 10 s, or the system property
     * {@code smshub.provider.timeout-seconds}.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(Long.getLong("smshub.provider.timeout-seconds", 10));

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
    public static final Duration BILLING_TIMEOUT = Duration.ofSeconds(Long.getLong("smshub.provider.billing-timeout-seconds", 30));

    public static SmsProEndpoint of(Account account) {
        String billing = SmsProSettings.of(account).billingUrl();
        return new SmsProEndpoint(URI.create(account.endpointUrl()), account.username() == null ? "" : account.username(),
                account.secret() == null ? "" : account.secret(), DEFAULT_TIMEOUT, billing == null ? null : URI.create(billing));
    }

    /** The same account, with Billing Pro's longer wait. */
    public SmsProEndpoint forBilling() {
        return new SmsProEndpoint(base, customerId, password, BILLING_TIMEOUT, billing);
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

    /** The Authorization header of Appendix 1. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((customerId + ":" + password).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public String toString() {
        return "SmsProEndpoint[" + base + "]";
    }
}
