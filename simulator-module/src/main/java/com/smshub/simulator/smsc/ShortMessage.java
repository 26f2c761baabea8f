package com.smshub.simulator.smsc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;

/**
 * A submit_sm's content as this SMSC reads it (SMPP 3.4 sections 5.2.19-5.2.25, 5.3.2.22-5.3.2.24, 5.3.2.32):
 * the octets from short_message or message_payload (never both), a user data header where esm_class sets UDHI,
 * the concatenation it names (8- or 16-bit reference in the UDH, or the SAR TLVs), and the text decoded by
 * data_coding. Octets that do not read as their data coding are refused, as an SMSC refuses them.
 *
 * <p>This SMSC's default alphabet (data_coding 0) is GSM 03.38, one septet an octet (the SMSC packs them), with
 * the escape to its extension table; 1 is IA5 (ASCII), 3 Latin-1, 8 UCS-2 (an even number of octets); 2 and 4
 * are octets (binary, no text).
 */
record ShortMessage(String text, byte[] udh, Concatenation concatenation, int dataCoding, int octets) {

    /** The parts of one long message: its reference (with sender and recipient), how many, and which this is. */
    record Concatenation(int reference, int total, int seq) {
    }

    private static final int UDHI = 0x40;
    private static final char ESCAPE = 0x1B;
    /** GSM 03.38's default alphabet, by septet. */
    private static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Its extension table: the septet after an escape, and the character it stands for. */
    private static final String EXTENDED_SEPTETS = "\n\u0014()/<=>@e";
    private static final String EXTENDED = "\f^{}\\[~]|€";

    static ShortMessage of(SubmitSm submitSm) throws ProcessRequestException {
        byte[] octets = submitSm.getShortMessage() == null ? new byte[0] : submitSm.getShortMessage();
        OptionalParameter.Message_payload payload = submitSm.getOptionalParameter(OptionalParameter.Message_payload.class);
        if (payload != null) {
            if (octets.length > 0) {
                throw refused("short_message and message_payload both used", SMPPConstant.STAT_ESME_RINVMSGLEN);
            }
            octets = payload.getValue();
        } else if (octets.length > 254) {
            throw refused("short_message over 254 octets", SMPPConstant.STAT_ESME_RINVMSGLEN);
        }
        byte[] udh = null;
        byte[] body = octets;
        if ((submitSm.getEsmClass() & UDHI) != 0) {
            int length = octets.length == 0 ? -1 : octets[0] & 0xFF;
            if (length < 0 || length + 1 > octets.length) {
                throw refused("UDHI set and no whole user data header", SMPPConstant.STAT_ESME_RINVESMCLASS);
            }
            udh = Arrays.copyOfRange(octets, 0, length + 1); // with its length octet, as a caller writes a UDH
            body = Arrays.copyOfRange(octets, length + 1, octets.length);
        }
        Concatenation concatenation = udh != null ? ofHeader(udh) : ofSar(submitSm);
        int dataCoding = submitSm.getDataCoding() & 0xFF;
        return new ShortMessage(decode(body, dataCoding), udh, concatenation, dataCoding, octets.length);
    }

    /** The header in hex, as a test reads it, or null. */
    String udhHex() {
        return udh == null ? null : HexFormat.of().formatHex(udh);
    }

    private static Concatenation ofHeader(byte[] udh) throws ProcessRequestException {
        for (int i = 1; i + 1 < udh.length; i += 2 + (udh[i + 1] & 0xFF)) {
            int element = udh[i] & 0xFF;
            int length = udh[i + 1] & 0xFF;
            if (i + 2 + length > udh.length) {
                throw refused("a header element longer than the header", SMPPConstant.STAT_ESME_RINVESMCLASS);
            }
            if (element == 0x00 && length == 3) {
                return concatenation(udh[i + 2] & 0xFF, udh[i + 3] & 0xFF, udh[i + 4] & 0xFF);
            }
            if (element == 0x08 && length == 4) {
                return concatenation((udh[i + 2] & 0xFF) << 8 | udh[i + 3] & 0xFF, udh[i + 4] & 0xFF, udh[i + 5] & 0xFF);
            }
        }
        return null;
    }

    private static Concatenation ofSar(SubmitSm submitSm) throws ProcessRequestException {
        OptionalParameter.Sar_msg_ref_num reference = submitSm.getOptionalParameter(OptionalParameter.Sar_msg_ref_num.class);
        OptionalParameter.Sar_total_segments total = submitSm.getOptionalParameter(OptionalParameter.Sar_total_segments.class);
        OptionalParameter.Sar_segment_seqnum seq = submitSm.getOptionalParameter(OptionalParameter.Sar_segment_seqnum.class);
        if (reference == null && total == null && seq == null) {
            return null;
        }
        if (reference == null || total == null || seq == null) {
            // 5.3.2.22-24: the three go together
            throw refused("SAR TLVs incomplete", SMPPConstant.STAT_ESME_RINVTLVVAL);
        }
        return concatenation(reference.getValue() & 0xFFFF, total.getValue() & 0xFF, seq.getValue() & 0xFF);
    }

    private static Concatenation concatenation(int reference, int total, int seq) throws ProcessRequestException {
        if (total < 1 || seq < 1 || seq > total) {
            throw refused("part " + seq + " of " + total, SMPPConstant.STAT_ESME_RINVTLVVAL);
        }
        return new Concatenation(reference, total, seq);
    }

    private static String decode(byte[] octets, int dataCoding) throws ProcessRequestException {
        int alphabet = alphabet(dataCoding);
        try {
            return switch (alphabet) {
                case 0 -> gsm(octets);
                case 1 -> StandardCharsets.US_ASCII.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(octets)).toString();
                case 3 -> new String(octets, StandardCharsets.ISO_8859_1);
                case 8 -> {
                    if (octets.length % 2 != 0) {
                        throw refused("UCS-2 in an odd number of octets", SMPPConstant.STAT_ESME_RINVMSGLEN);
                    }
                    yield new String(octets, StandardCharsets.UTF_16BE);
                }
                default -> null; // octets, no text
            };
        } catch (CharacterCodingException e) {
            throw refused("octets that are not IA5", SMPPConstant.STAT_ESME_RINVDCS);
        }
    }

    /**
     * The alphabet a data_coding names (0 default, 1 IA5, 3 Latin-1, 8 UCS-2, else octets): SMPP 3.4's table
     * (5.2.19), and GSM 03.38's groups with a message class (0x10-0x1F, 0xF0-0xFF), which ESMEs send for flash SMS.
     * Reserved values are refused.
     */
    static int alphabet(int dataCoding) throws ProcessRequestException {
        if (dataCoding <= 0x0E && dataCoding != 0x0B && dataCoding != 0x0C) {
            return dataCoding;
        }
        if (dataCoding >= 0x10 && dataCoding <= 0x1F) {
            int group = dataCoding & 0x0C; // bits 3-2: GSM 7-bit, 8-bit data, UCS-2
            return group == 0 ? 0 : group == 4 ? 4 : group == 8 ? 8 : reserved(dataCoding);
        }
        if (dataCoding >= 0xF0) {
            return (dataCoding & 0x04) == 0 ? 0 : 4;
        }
        if (dataCoding >= 0xC0) {
            return (dataCoding & 0xF0) == 0xE0 ? 8 : 0; // message waiting indication groups
        }
        return reserved(dataCoding);
    }

    /**
     * The message class a data coding names (5.2.19 after GSM 03.38: 0x10-0x1F with bit 4 set, and 0xF0-0xFF), if
     * any: class 0 is a flash SMS.
     */
    static java.util.Optional<Integer> messageClass(int dataCoding) {
        return (dataCoding >= 0x10 && dataCoding <= 0x1F) || dataCoding >= 0xF0
                ? java.util.Optional.of(dataCoding & 0x03) : java.util.Optional.empty();
    }

    private static int reserved(int dataCoding) throws ProcessRequestException {
        throw refused("data_coding " + dataCoding + " is reserved", SMPPConstant.STAT_ESME_RINVDCS);
    }

    private static String gsm(byte[] octets) throws ProcessRequestException {
        StringBuilder text = new StringBuilder(octets.length);
        for (int i = 0; i < octets.length; i++) {
            int septet = octets[i];
            if (septet < 0) {
                throw refused("octet over 0x7F in the default alphabet", SMPPConstant.STAT_ESME_RINVDCS);
            }
            if (septet == ESCAPE) {
                int at = ++i < octets.length ? EXTENDED_SEPTETS.indexOf(octets[i]) : -1;
                text.append(at < 0 ? ' ' : EXTENDED.charAt(at)); // 03.38: an unknown extension reads as a space
            } else {
                text.append(GSM.charAt(septet));
            }
        }
        return text.toString();
    }

    static ProcessRequestException refused(String why, int status) {
        return new ProcessRequestException(why, status);
    }
}
