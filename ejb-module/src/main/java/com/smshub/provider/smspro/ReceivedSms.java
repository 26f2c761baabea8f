package com.smshub.provider.smspro;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

import com.smshub.kernel.Digests;
import com.smshub.kernel.ProviderCode;
import com.smshub.provider.smspro.xml.MoSms;
import com.smshub.provider.smspro.xml.MobilectrlReceivedSms;
import com.smshub.provider.spi.InboundMessage;

/** A {@code mobilectrl_received_sms} (sections 8 and 9, table 8) in the gateway's terms. */
final class ReceivedSms {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ReceivedSms() {
    }

    /**
     * The message as stored: the subscriber's number as given (E.164 in SMS Pro's pushes), sent to the
     * {@code destination_address} where the Destination Number Trigger gives one (section 9), else to the
     * account it came through; the text decoded (8.2's option 3, hex with {@code binary="true"}, made text
     * again; option 2's character references are the XML parser's; option 1's
     * {@code [MESSAGE WITH NO READABLE CHARACTERS]} kept as it is); the operator and the person fields kept.
     * Its id is the {@code mobilectrl_id}; table 8 makes that optional, and a push without one gets a digest
     * of what it says instead, so that its repeats are still one message.
     */
    static InboundMessage of(MobilectrlReceivedSms pushed, long accountId) {
        MoSms sms = pushed.getPayload().getSms();
        String from = sms.getFromMsisdn().getValue().strip();
        String to = sms.getDestinationAddress() != null ? sms.getDestinationAddress() : sms.getAccount();
        String message = sms.getMessage() == null ? "" : sms.getMessage();
        String text = Boolean.TRUE.equals(sms.isBinary()) ? fromHex(message.strip()) : message;
        OffsetDateTime received = received(pushed.getHeader().getDatetime());
        String id = pushed.getHeader().getMobilectrlId();
        if (id == null || id.isBlank()) {
            id = "digest:" + Digests.sha256Hex(pushed.getHeader().getCustomerId() + "|" + from + "|" + to + "|"
                    + pushed.getHeader().getDatetime() + "|" + message, 16);
        }
        InboundMessage.Sender sender = new InboundMessage.Sender(blankless(sms.getFromMsisdn().getOperator()),
                blankless(sms.getFirstname()), blankless(sms.getLastname()), blankless(sms.getAddress()),
                blankless(sms.getPostalcode()), blankless(sms.getCity()), sms.getPersoninfostatus());
        return new InboundMessage(SmsProAdapter.CODE, accountId, id.strip(), from, to, text, null, received, null, false,
                sender);
    }

    /**
     * Section 8.2, option 3: the octets the operator delivered, in hex. The document's own example
     * ({@code 48656C6C6F20D83DDC4D}, "Hello 👍") has the plain characters as one octet each and the emoji as the
     * two UTF-16 code units of its surrogate pair; a message whose every other octet is zero is UTF-16 through
     * and through. Both are read: UTF-16 (big-endian) when the text is so, else one octet a character
     * (ISO-8859-1) with each surrogate pair taken as the character it encodes.
     */
    static String fromHex(String hex) {
        byte[] octets = HexFormat.of().parseHex(hex);
        if (octets.length % 2 == 0 && octets.length > 0 && octets[0] == 0) {
            return new String(octets, StandardCharsets.UTF_16BE);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < octets.length; i++) {
            int b = octets[i] & 0xFF;
            if (b >= 0xD8 && b <= 0xDB && i + 3 < octets.length && (octets[i + 2] & 0xFC) == 0xDC) {
                char high = (char) ((b << 8) | (octets[i + 1] & 0xFF));
                char low = (char) (((octets[i + 2] & 0xFF) << 8) | (octets[i + 3] & 0xFF));
                text.append(high).append(low);
                i += 3;
            } else {
                text.append((char) b);
            }
        }
        return text.toString();
    }

    /** Table 8's datetime is Swedish local time; a push without one was received now. */
    private static OffsetDateTime received(String datetime) {
        if (datetime != null) {
            try {
                return LocalDateTime.parse(datetime.strip(), DATETIME).atZone(SmsProAdapter.SMSPRO_TIME_ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                // an unreadable time is no reason to lose the message
            }
        }
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
