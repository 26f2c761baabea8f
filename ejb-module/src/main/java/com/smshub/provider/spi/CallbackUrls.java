package com.smshub.provider.spi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.smshub.kernel.ProviderCode;

/**
 * The addresses providers push reports to, one per message: {@code <base>/<provider>/<messageId>?token=<t>}.
 * The token is an HMAC of the message id under the gateway's callback secret, so a report is taken only
 * from whoever was given that address, and it names our message even when the provider's own id never
 * reached us (a send that timed out).
 *
 * <p>Configured by the system properties {@code smshub.callback.base-url} (how providers reach this gateway)
 * and {@code smshub.callback.secret} (the same on every node).
 */
public final class CallbackUrls {

    private static final Logger LOG = Logger.getLogger(CallbackUrls.class.getName());
    private static final String DEVELOPMENT_SECRET = "smshub-development-callback-secret";

    private CallbackUrls() {
    }

    public static String of(ProviderCode provider, String messageId) {
        String base = System.getProperty("smshub.callback.base-url", "http://localhost:8080/smshub/callbacks");
        return base + "/" + provider.name().toLowerCase(Locale.ROOT) + "/" + messageId + "?token=" + token(messageId);
    }

    /** The token for a message id. */
    public static String token(String messageId) {
        String secret = System.getProperty("smshub.callback.secret");
        if (secret == null) {
            LOG.fine("smshub.callback.secret is not set; using the development secret");
            secret = DEVELOPMENT_SECRET;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(messageId.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a token presented with a report is the one this message id was given. */
    public static boolean verify(String messageId, String token) {
        return token != null && MessageDigest.isEqual(token(messageId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
