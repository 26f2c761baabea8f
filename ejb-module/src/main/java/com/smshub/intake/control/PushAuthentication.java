package com.smshub.intake.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
import com.smshub.intake.entity.PushVerdict;
import com.smshub.kernel.AddressRange;
import com.smshub.kernel.Counters;
import com.smshub.kernel.RateLimitedLog;
import com.smshub.provider.spi.Account;
import com.smshub.routing.control.AccountDirectory;
import com.smshub.routing.entity.PushCredentials;

/**
 * Decides whether a push comes from the provider of the account its address names, before anything of it is
 * read: the account must exist and be the provider's; the push must come from an address the account allows
 * (by the connection's address, or by {@code X-Forwarded-For} where the connection is from a proxy named in
 * {@code smshub.callback.trusted-proxies}); it must present the account's HTTP Basic credentials where the
 * operator set them; and its address must carry the account's push key. A refusal says nothing of why to the
 * caller (404 for an address that is not one of ours, 403 for a source not allowed, 401 for missing or wrong
 * credentials); it is counted ({@code push.refused.<provider>.<reason>}) and logged at most once a minute a kind.
 */
@ApplicationScoped
public class PushAuthentication {

    private static final Logger LOG = Logger.getLogger(PushAuthentication.class.getName());
    private static final RateLimitedLog REFUSALS = new RateLimitedLog(LOG);
    static final String TRUSTED_PROXIES = "smshub.callback.trusted-proxies";

    @Inject
    AccountDirectory accounts;

    /** {@link #check} is reached only for a provider that receives pushes here (ProviderCallbacks). */
    private static final boolean SERVED = true;

    private final List<AddressRange> trustedProxies = AddressRange.parseAll(
            Configuration.text(TRUSTED_PROXIES));

    /**
     * @param provider      the provider named in the address, as written
     * @param accountName   the account named in the address
     * @param key           the key in the address
     * @param remoteAddress the address of the connection it came on
     * @param forwardedFor  the {@code X-Forwarded-For} header, or null
     * @param authorization the {@code Authorization} header, or null
     */
    public PushVerdict check(String provider, String accountName, String key, String remoteAddress, String forwardedFor,
            String authorization) {
        Optional<Account> named = accounts.byName(accountName == null ? "" : accountName)
                .filter(a -> a.provider().name().equalsIgnoreCase(provider));
        if (named.isEmpty()) {
            return refused(provider, SERVED, 404, "unknown-account", accountName, remoteAddress);
        }
        Account account = named.get();
        PushCredentials credentials = accounts.pushCredentials(account.id());
        String client = clientAddress(remoteAddress, forwardedFor, trustedProxies);
        if (!credentials.allows(client)) {
            return refused(provider, SERVED, 403, "source-not-allowed", accountName, client);
        }
        String[] basic = basic(authorization);
        if (!credentials.basicMatches(basic[0], basic[1])) {
            return refused(provider, SERVED, 401, basic[0] == null ? "no-credentials" : "wrong-credentials", accountName, client);
        }
        if (!credentials.keyMatches(key)) {
            return refused(provider, SERVED, 404, "wrong-key", accountName, client);
        }
        return new PushVerdict.Allowed(account);
    }

    /**
     * Counts and logs a refusal (at most once a minute a kind) and says so. {@code served}: whether the provider in the
     * address is one this build serves; others are counted together as "unknown", so that made-up addresses cannot
     * make counters without end.
     */
    public static PushVerdict refused(String provider, boolean served, int status, String reason, String accountName,
            String client) {
        String code = served ? provider.toLowerCase(Locale.ROOT) : "unknown";
        Counters.increment("push.refused." + code + "." + reason);
        REFUSALS.warn(code + "." + reason, () -> "Push to " + code + " account '" + printable(accountName) + "' refused ("
                + reason + ", HTTP " + status + ") from " + printable(client));
        return new PushVerdict.Refused(status, reason);
    }

    /** What came from outside, fit for one log line. */
    private static String printable(String value) {
        String text = value == null ? "" : value.replaceAll("[^\\x20-\\x7E]", "?");
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /**
     * The address a push came from: the connection's, or where the connection is from a trusted proxy, the
     * nearest address in {@code X-Forwarded-For} that is not a trusted proxy (read from the right: what a client
     * writes there itself stands to the left of what the proxies appended).
     */
    static String clientAddress(String remoteAddress, String forwardedFor, List<AddressRange> trustedProxies) {
        if (forwardedFor == null || trustedProxies.isEmpty() || !AddressRange.anyContains(trustedProxies, remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        String client = remoteAddress;
        for (int i = hops.length - 1; i >= 0; i--) {
            client = hops[i].strip();
            if (!AddressRange.anyContains(trustedProxies, client)) {
                return client;
            }
        }
        return client;
    }

    /** The user and password of an HTTP Basic {@code Authorization} header; nulls when there is none. */
    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new String[2];
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? new String[2] : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return new String[2];
        }
    }
}
