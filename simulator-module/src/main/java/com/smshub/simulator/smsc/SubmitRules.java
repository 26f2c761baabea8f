package com.smshub.simulator.smsc;

import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;

/**
 * What this SMSC refuses in a submit_sm, with the command_status SMPP 3.4 gives it: addresses (5.2.5-5.2.10:
 * TON 0-6, the NPIs of the table, at most 20 digits, an international number in digits, an alphanumeric sender
 * no longer than the provider's alias limit, myMSP's eleven), esm_class (5.2.12), times (5.2.23-5.2.24:
 * sixteen characters, absolute or relative, the validity not before the schedule), registered_delivery (5.2.17)
 * and myMSP's 765 characters a message (its spec's result 105), counted over a long message's parts.
 */
final class SubmitRules {

    /** myMSP's limit (spec section 3.3, result 105). */
    static final int MOST_CHARACTERS = 765;
    private static final Set<Integer> NPIS = Set.of(0, 1, 3, 4, 6, 8, 9, 10, 14, 18);
    private static final int ALPHANUMERIC = 5;

    /** Each long message seen so far (its parts may come in any order), by sender, recipient and reference. */
    private final Map<String, Seen> longMessages = new ConcurrentHashMap<>();

    private record Seen(int parts, int characters) {
        Seen and(Seen more) {
            return new Seen(parts + more.parts, characters + more.characters);
        }
    }

    /** The submit_sm's times, read: when it is to go out (null: at once) and until when it may (null: no limit). */
    record Times(Instant schedule, Instant validUntil) {
    }

    /**
     * Refuses what the SMSC would; else the message's times.
     *
     * @param aliasCharacters the longest alphanumeric sender the provider takes (myMSP 11, Masiv 16)
     */
    Times check(SubmitSm submitSm, ShortMessage message, int aliasCharacters, Instant now) throws ProcessRequestException {
        address(submitSm.getSourceAddrTon(), submitSm.getSourceAddrNpi(), submitSm.getSourceAddr(), aliasCharacters, true);
        address(submitSm.getDestAddrTon(), submitSm.getDestAddrNpi(), submitSm.getDestAddress(), 0, false);
        if (submitSm.getDestAddress() == null || submitSm.getDestAddress().isEmpty()) {
            throw ShortMessage.refused("no destination_addr", SMPPConstant.STAT_ESME_RINVDSTADR);
        }
        int messageType = submitSm.getEsmClass() & 0x3C;
        if (messageType != 0 && messageType != 0x08 && messageType != 0x10) { // bits 0-1, the mode, are all valid
            throw ShortMessage.refused("esm_class " + submitSm.getEsmClass(), SMPPConstant.STAT_ESME_RINVESMCLASS);
        }
        if ((submitSm.getRegisteredDelivery() & 0x03) == 3 || (submitSm.getRegisteredDelivery() & 0xE0) != 0) {
            throw ShortMessage.refused("registered_delivery " + submitSm.getRegisteredDelivery(),
                    SMPPConstant.STAT_ESME_RINVREGDLVFLG);
        }
        Instant schedule = time(submitSm.getScheduleDeliveryTime(), now, SMPPConstant.STAT_ESME_RINVSCHED);
        Instant validUntil = time(submitSm.getValidityPeriod(), now, SMPPConstant.STAT_ESME_RINVEXPIRY);
        if (validUntil != null && (validUntil.isBefore(now) || schedule != null && !validUntil.isAfter(schedule))) {
            throw ShortMessage.refused("validity over before delivery may start", SMPPConstant.STAT_ESME_RINVEXPIRY);
        }
        characters(submitSm, message);
        return new Times(schedule, validUntil);
    }

    private static void address(byte ton, byte npi, String address, int aliasCharacters, boolean source)
            throws ProcessRequestException {
        int wrongAddress = source ? SMPPConstant.STAT_ESME_RINVSRCADR : SMPPConstant.STAT_ESME_RINVDSTADR;
        if (ton < 0 || ton > 6) {
            throw ShortMessage.refused("TON " + ton, source ? SMPPConstant.STAT_ESME_RINVSRCTON : SMPPConstant.STAT_ESME_RINVDSTTON);
        }
        if (!NPIS.contains((int) npi)) {
            throw ShortMessage.refused("NPI " + npi, source ? SMPPConstant.STAT_ESME_RINVSRCNPI : SMPPConstant.STAT_ESME_RINVDSTNPI);
        }
        String value = address == null ? "" : address;
        if (ton == ALPHANUMERIC) {
            if (!source || value.isEmpty() || value.length() > aliasCharacters) {
                throw ShortMessage.refused("alphanumeric address '" + value + "'", wrongAddress);
            }
        } else if (value.length() > 20 || ton == 1 && !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ShortMessage.refused("address '" + value + "'", wrongAddress);
        }
    }

    /** An SMPP time (5.2.24), absolute ({@code YYMMDDhhmmsstnn+}/-) or relative ({@code ...000R}); empty: none. */
    static Instant time(String value, Instant now, int status) throws ProcessRequestException {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() != 16 || !value.substring(0, 15).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ShortMessage.refused("time '" + value + "'", status);
        }
        int[] f = new int[6];
        for (int i = 0; i < 6; i++) {
            f[i] = Integer.parseInt(value.substring(2 * i, 2 * i + 2));
        }
        char sign = value.charAt(15);
        if (sign == 'R') {
            return now.atOffset(ZoneOffset.UTC).plusYears(f[0]).plusMonths(f[1]).plusDays(f[2]).plusHours(f[3])
                    .plusMinutes(f[4]).plusSeconds(f[5]).toInstant();
        }
        int quarters = Integer.parseInt(value.substring(13, 15));
        if (sign != '+' && sign != '-' || quarters > 48) {
            throw ShortMessage.refused("time '" + value + "'", status);
        }
        try {
            LocalDateTime local = LocalDateTime.of(2000 + f[0], f[1], f[2], f[3], f[4], f[5], (value.charAt(12) - '0') * 100_000_000);
            return local.toInstant(ZoneOffset.ofTotalSeconds((sign == '+' ? 1 : -1) * quarters * 15 * 60));
        } catch (DateTimeException e) { // no such day or hour
            throw ShortMessage.refused("time '" + value + "'", status);
        }
    }

    private void characters(SubmitSm submitSm, ShortMessage message) throws ProcessRequestException {
        int characters = message.text() == null ? 0 : message.text().codePointCount(0, message.text().length());
        ShortMessage.Concatenation parts = message.concatenation();
        if (parts == null) {
            if (characters > MOST_CHARACTERS) {
                throw ShortMessage.refused(characters + " characters", SMPPConstant.STAT_ESME_RINVMSGLEN);
            }
            return;
        }
        String key = submitSm.getSourceAddr() + ">" + submitSm.getDestAddress() + "#" + parts.reference();
        Seen seen = longMessages.merge(key, new Seen(1, characters), Seen::and);
        if (seen.parts() >= parts.total()) {
            longMessages.remove(key);
        }
        if (seen.characters() > MOST_CHARACTERS) { // this part and every later one of the message
            throw ShortMessage.refused("a long message over " + MOST_CHARACTERS + " characters", SMPPConstant.STAT_ESME_RINVMSGLEN);
        }
    }

    void clear() {
        longMessages.clear();
    }
}
