package com.smshub.provider.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.OptionalParameter;

import com.smshub.kernel.Gsm7;
import com.smshub.kernel.SmsContent;

/**
 * The PDU fields of one submit_sm: a message's content becomes one of these, or several for a text longer
 * than one SMS when the account sends concatenated parts (a user data header on each, or SAR TLVs).
 */
record Submission(ESMClass esmClass, DataCoding dataCoding, byte[] shortMessage, OptionalParameter[] optionalParameters) {

    /** GSM default alphabet septets, one octet each (the SMSC packs them): 160 in one SMS, 153 in a part. */
    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    /** 8-bit and UCS-2 octets: 140 in one SMS, 134 in a part beside the 6-octet concatenation header. */
    static final int OCTETS_SINGLE = 140;
    static final int OCTETS_PART = 134;
    private static final int UDHI = 0x40;
    /** In unpacked septets 0x1B is only ever the escape before an extension character. */
    private static final byte ESCAPE = 0x1B;

    /**
     * The submit_sm PDUs carrying the content, in order.
     *
     * @param reference the concatenation reference of a long text's parts: 8 bits in a UDH, 16 in SAR
     */
    static List<Submission> of(SmsContent content, SmppSettings.Alphabet alphabet, SmppSettings.LongMessages longMessages, int reference) {
        MessageClass messageClass = content.flash() ? MessageClass.CLASS0 : null;
        if (content.isBinary()) {
            byte[] octets = binary(content);
            boolean udhi = content.udhHex() != null || content.destinationPort() != null;
            return List.of(single(new ESMClass(udhi ? UDHI : 0), coding(Alphabet.ALPHA_8_BIT, messageClass), octets, OCTETS_SINGLE));
        }
        String text = content.text();
        Alphabet coding;
        byte[] octets;
        int single;
        int part;
        if (Gsm7.covers(text) && alphabet == SmppSettings.Alphabet.GSM) {
            coding = Alphabet.ALPHA_DEFAULT;
            octets = Gsm7.encode(text);
            single = GSM_SINGLE;
            part = GSM_PART;
        } else if (alphabet == SmppSettings.Alphabet.LATIN1 && StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            coding = Alphabet.ALPHA_LATIN1;
            octets = text.getBytes(StandardCharsets.ISO_8859_1);
            single = OCTETS_SINGLE;
            part = OCTETS_PART;
        } else {
            coding = Alphabet.ALPHA_UCS2;
            octets = text.getBytes(StandardCharsets.UTF_16BE);
            single = OCTETS_SINGLE;
            part = OCTETS_PART;
        }
        DataCoding dataCoding = coding(coding, messageClass);
        if (octets.length <= single || longMessages == SmppSettings.LongMessages.PAYLOAD) {
            return List.of(single(new ESMClass(0), dataCoding, octets, single));
        }
        List<byte[]> pieces = split(octets, part, coding);
        List<Submission> parts = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            byte[] piece = pieces.get(i);
            if (longMessages == SmppSettings.LongMessages.UDH) {
                byte[] withHeader = new byte[6 + piece.length];
                withHeader[0] = 0x05;
                withHeader[1] = 0x00;
                withHeader[2] = 0x03;
                withHeader[3] = (byte) reference;
                withHeader[4] = (byte) pieces.size();
                withHeader[5] = (byte) (i + 1);
                System.arraycopy(piece, 0, withHeader, 6, piece.length);
                parts.add(new Submission(new ESMClass(UDHI), dataCoding, withHeader, new OptionalParameter[0]));
            } else {
                parts.add(new Submission(new ESMClass(0), dataCoding, piece, new OptionalParameter[] {
                    new OptionalParameter.Sar_msg_ref_num((short) reference),
                    new OptionalParameter.Sar_total_segments((byte) pieces.size()),
                    new OptionalParameter.Sar_segment_seqnum((byte) (i + 1))}));
            }
        }
        return parts;
    }

    /** Within one SMS in short_message, beyond it whole in message_payload. */
    private static Submission single(ESMClass esmClass, DataCoding dataCoding, byte[] octets, int most) {
        if (octets.length <= most) {
            return new Submission(esmClass, dataCoding, octets, new OptionalParameter[0]);
        }
        return new Submission(esmClass, dataCoding, new byte[0], new OptionalParameter[] {new OptionalParameter.Message_payload(octets)});
    }

    private static DataCoding coding(Alphabet alphabet, MessageClass messageClass) {
        return messageClass == null ? new GeneralDataCoding(alphabet) : new GeneralDataCoding(alphabet, messageClass);
    }

    /**
     * Pieces of at most {@code size} octets, never cutting a character: not after a GSM escape (its
     * extension character follows it), not between the halves of a UTF-16 surrogate pair.
     */
    static List<byte[]> split(byte[] octets, int size, Alphabet coding) {
        List<byte[]> pieces = new ArrayList<>();
        int start = 0;
        while (start < octets.length) {
            int end = Math.min(octets.length, start + size);
            if (end < octets.length) {
                if (coding == Alphabet.ALPHA_DEFAULT && octets[end - 1] == ESCAPE) {
                    end--;
                } else if (coding == Alphabet.ALPHA_UCS2 && Character.isHighSurrogate((char) (((octets[end - 2] & 0xFF) << 8) | (octets[end - 1] & 0xFF)))) {
                    end -= 2;
                }
            }
            pieces.add(Arrays.copyOfRange(octets, start, end));
            start = end;
        }
        return pieces;
    }

    /** The caller's octets behind its user data header, or one addressing ports. */
    private static byte[] binary(SmsContent content) {
        HexFormat hex = HexFormat.of();
        byte[] data = hex.parseHex(content.binaryHex());
        byte[] udh = content.udhHex() != null ? hex.parseHex(content.udhHex())
                : content.destinationPort() != null ? ports(content.destinationPort(),
                        content.sourcePort() == null ? 0 : content.sourcePort()) : new byte[0];
        byte[] octets = new byte[udh.length + data.length];
        System.arraycopy(udh, 0, octets, 0, udh.length);
        System.arraycopy(data, 0, octets, udh.length, data.length);
        return octets;
    }

    /** A user data header addressing 16-bit application ports (3GPP TS 23.040, IE 0x05). */
    private static byte[] ports(int destination, int source) {
        return new byte[] {0x06, 0x05, 0x04, (byte) (destination >> 8), (byte) destination, (byte) (source >> 8), (byte) source};
    }
}
