package com.smshub.provider.smpp;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.smshub.kernel.InvalidValueException;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Settings;

/**
 * An SMPP account's settings (docs/providers/mymsp.md): where its SMSC listens comes from the account's
 * address, {@code smpp://host:port}; its system id and password are the account's user and secret.
 *
 * @param systemType    bind's system_type, empty by default
 * @param window        the most submit_sm outstanding at once on the session (1-500, 10 by default)
 * @param alphabet      the data coding of a text the GSM alphabet covers: {@code gsm} (0, the default) or
 *                      {@code latin1} (3, ISO-8859-1, where the SMSC asks for it: Masiv); other texts go as UCS-2
 * @param receiptIds    how the SMSC writes receipt ids against submit_sm_resp ids
 * @param enquireLinkSeconds the keep-alive interval (5-300, 30 by default)
 * @param responseSeconds    how long a request waits for its response before its outcome is unknown (1-120, 10)
 * @param longMessages  how a text beyond one SMS goes: {@code udh} (concatenated parts with a user data header,
 *                      the default), {@code sar} (parts with SAR TLVs) or {@code payload} (whole in message_payload)
 * @param bind          {@code transceiver} (one bind, the default) or {@code transmitter-receiver} (two binds
 *                      on two connections, for an SMSC that wants them apart)
 */
public record SmppSettings(String host, int port, String systemType, int window, Alphabet alphabet,
        SmppIds.ReceiptIds receiptIds, int enquireLinkSeconds, int responseSeconds, LongMessages longMessages,
        Bind bind) {

    /** The data coding of texts the GSM alphabet covers. */
    public enum Alphabet { GSM, LATIN1 }

    /** How an account sends a text longer than one SMS. */
    public enum LongMessages {
        /** Parts, each with a user data header (IE 0x00: reference, total, sequence), UDHI set. */
        UDH,
        /** Parts, each with the sar_msg_ref_num, sar_total_segments and sar_segment_seqnum TLVs. */
        SAR,
        /** The whole text in the message_payload TLV of one submit_sm. */
        PAYLOAD
    }

    /** How the session binds. */
    public enum Bind { TRANSCEIVER, TRANSMITTER_RECEIVER }

    static final String SYSTEM_TYPE = "systemType";
    static final String WINDOW = "window";
    static final String ALPHABET = "alphabet";
    static final String RECEIPT_IDS = "receiptIds";
    static final String ENQUIRE_LINK = "enquireLinkSeconds";
    static final String RESPONSE = "responseSeconds";
    static final String LONG_MESSAGES = "longMessages";
    static final String BIND = "bind";
    /** The names of the settings every SMPP account takes. */
    public static final Set<String> NAMES = Set.of(SYSTEM_TYPE, WINDOW, ALPHABET, RECEIPT_IDS, ENQUIRE_LINK, RESPONSE,
            LONG_MESSAGES, BIND);

    /** Checks an operator's settings for an SMPP account of the provider, besides its own (named in {@code more}). */
    public static void check(String provider, Settings settings, Alphabet defaultAlphabet, Set<String> more) {
        of(provider, "smpp://localhost:2775", settings, defaultAlphabet, more);
    }

    /** An account's settings and its SMSC's address. */
    public static SmppSettings of(String provider, Account account, Alphabet defaultAlphabet, Set<String> more) {
        return of(provider, account.endpointUrl(), account.settings(), defaultAlphabet, more);
    }

    private static SmppSettings of(String provider, String endpointUrl, Settings settings, Alphabet defaultAlphabet,
            Set<String> more) {
        Set<String> known = new HashSet<>(NAMES);
        known.addAll(more);
        settings.allowOnly(provider, known);
        URI address;
        try {
            address = URI.create(endpointUrl);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("an SMPP account's address is smpp://host:port, not '" + endpointUrl + "'");
        }
        if (!"smpp".equalsIgnoreCase(address.getScheme()) || address.getHost() == null || address.getPort() < 1) {
            throw new InvalidValueException("an SMPP account's address is smpp://host:port, not '" + endpointUrl + "'");
        }
        return new SmppSettings(address.getHost(), address.getPort(), settings.text(SYSTEM_TYPE, ""),
                settings.integer(WINDOW, 10, 1, 500),
                choice(settings, ALPHABET, Alphabet.class, defaultAlphabet),
                choice(settings, RECEIPT_IDS, SmppIds.ReceiptIds.class, SmppIds.ReceiptIds.SAME),
                settings.integer(ENQUIRE_LINK, 30, 5, 300), settings.integer(RESPONSE, 10, 1, 120),
                choice(settings, LONG_MESSAGES, LongMessages.class, LongMessages.UDH),
                choice(settings, BIND, Bind.class, Bind.TRANSCEIVER));
    }

    private static <E extends Enum<E>> E choice(Settings settings, String name, Class<E> type, E otherwise) {
        String value = settings.text(name, null);
        if (value == null) {
            return otherwise;
        }
        String wanted = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E option : type.getEnumConstants()) {
            if (option.name().equals(wanted)) {
                return option;
            }
        }
        throw new InvalidValueException(name + " is one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList() + ", not '" + value + "'");
    }
}
