package com.smshub.provider.smpp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;

import com.smshub.kernel.Digests;
import com.smshub.kernel.Gsm7;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.ProviderEvents.Concatenation;

/**
 * A message from a subscriber as a deliver_sm carries it: its addresses, its text (or octets) decoded by its
 * data_coding, and where it is a part of a long message (a user data header with IE 0x00 or 0x08, or the SAR
 * TLVs), which part.
 *
 * @param id an id for it, since deliver_sm carries none: {@link InboundMessage#BY_CONTENT} and a digest of the
 *           account, the addresses, the data coding and the octets, so that the same PDU delivered again (its
 *           deliver_sm_resp was lost) is the same message; the store takes the same words again as a new
 *           message once its repeat window has passed (docs/inbound.md)
 */
record MobileOriginated(String id, String from, String to, String text, String binaryHex, Concatenation part) {

    /** The longest text one message from a subscriber is kept with (inbound_message.text_body). */
    static final int MOST_CHARACTERS = 4000;

    static MobileOriginated of(DeliverSm pdu, long accountId) {
        byte[] octets = pdu.getShortMessage() == null ? new byte[0] : pdu.getShortMessage();
        OptionalParameter.Message_payload payload = pdu.getOptionalParameter(OptionalParameter.Message_payload.class);
        if (octets.length == 0 && payload != null) {
            octets = payload.getValue();
        }
        Concatenation part = null;
        byte[] body = octets;
        if ((pdu.getEsmClass() & 0x40) != 0 && octets.length > 0) {
            int headerLength = (octets[0] & 0xFF) + 1;
            part = ofHeader(Arrays.copyOfRange(octets, 1, Math.min(headerLength, octets.length)));
            body = Arrays.copyOfRange(octets, Math.min(headerLength, octets.length), octets.length);
        }
        OptionalParameter.Sar_msg_ref_num sarReference = pdu.getOptionalParameter(OptionalParameter.Sar_msg_ref_num.class);
        OptionalParameter.Sar_total_segments sarTotal = pdu.getOptionalParameter(OptionalParameter.Sar_total_segments.class);
        OptionalParameter.Sar_segment_seqnum sarSequence = pdu.getOptionalParameter(OptionalParameter.Sar_segment_seqnum.class);
        if (part == null && sarReference != null && sarTotal != null && sarSequence != null) {
            part = new Concatenation(sarReference.getValue() & 0xFFFF, sarTotal.getValue() & 0xFF, sarSequence.getValue() & 0xFF);
        }
        String text = text(pdu.getDataCoding() & 0xFF, body);
        if (text != null ? text.length() > MOST_CHARACTERS : body.length > MOST_CHARACTERS / 2) {
            // only message_payload can carry so much; the store keeps 4,000 characters (or 2,000 octets) a message
            throw new IllegalArgumentException("a message from a subscriber longer than the gateway keeps ("
                    + (text != null ? text.length() + " characters" : body.length + " octets") + ")");
        }
        String from = pdu.getSourceAddrTon() == TypeOfNumber.INTERNATIONAL.value() ? "+" + pdu.getSourceAddr() : pdu.getSourceAddr();
        String id = InboundMessage.BY_CONTENT + digest(accountId + "|" + from + "|" + pdu.getDestAddress() + "|"
                + pdu.getDataCoding() + "|" + HexFormat.of().formatHex(octets));
        return new MobileOriginated(id, from, pdu.getDestAddress(), text, text == null ? HexFormat.of().formatHex(body) : null,
                part == null || part.total() == 1 ? null : part);
    }

    /** The concatenation element of a user data header (3GPP TS 23.040, 9.2.3.24.1 and .8), or null. */
    static Concatenation ofHeader(byte[] header) {
        int i = 0;
        while (i + 1 < header.length) {
            int element = header[i] & 0xFF;
            int length = header[i + 1] & 0xFF;
            int value = i + 2;
            if (value + length > header.length) {
                return null;
            }
            if (element == 0x00 && length == 3) {
                return concatenation(header[value] & 0xFF, header[value + 1] & 0xFF, header[value + 2] & 0xFF);
            }
            if (element == 0x08 && length == 4) {
                return concatenation(((header[value] & 0xFF) << 8) | (header[value + 1] & 0xFF), header[value + 2] & 0xFF,
                        header[value + 3] & 0xFF);
            }
            i = value + length;
        }
        return null;
    }

    private static Concatenation concatenation(int reference, int total, int sequence) {
        return total >= 1 && sequence >= 1 && sequence <= total ? new Concatenation(reference, total, sequence) : null;
    }

    /**
     * The text of a data coding that carries one (SMPP 3.4, 5.2.19): 0 the GSM default alphabet (septets one
     * an octet), 1 ASCII, 3 ISO-8859-1, 8 UCS-2, and the GSM 03.38 general and 0xF_ groups' alphabets; null
     * for 8-bit data, which stays octets.
     */
    static String text(int dataCoding, byte[] body) {
        int alphabet;
        if (dataCoding == 0x01) {
            return new String(body, StandardCharsets.US_ASCII);
        } else if (dataCoding == 0x03) {
            return new String(body, StandardCharsets.ISO_8859_1);
        } else if ((dataCoding & 0xF0) == 0xF0) {
            alphabet = (dataCoding & 0x04) == 0 ? 0 : 1;
        } else if ((dataCoding & 0xC0) == 0) {
            alphabet = (dataCoding >> 2) & 0x03;
        } else {
            return null;
        }
        return switch (alphabet) {
            case 0 -> Gsm7.decode(body);
            case 2 -> new String(body, StandardCharsets.UTF_16BE);
            default -> null;
        };
    }

    private static String digest(String value) {
        return "mo-" + Digests.sha256Hex(value, 16);
    }
}
