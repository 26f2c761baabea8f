package com.smshub.provider.smpp;

import java.util.Locale;

import org.jsmpp.SMPPConstant;

import com.smshub.kernel.MessageStatus;
import com.smshub.provider.spi.SendOutcome;

/**
 * SMPP 3.4's words onto the gateway's: a submit_sm_resp's command_status onto a send outcome (section 5.1.3),
 * a receipt's {@code stat:} or message_state onto a canonical status (appendix B, section 5.2.28).
 */
public final class SmppCodes {

    private SmppCodes() {
    }

    /**
     * A negative submit_sm_resp: the SMSC did not take the message. Throttling and a full queue slow down
     * and retry; a fault of the message itself (address, length, data coding) rejects it; a refusal of the
     * account or the SMSC's own trouble lets another route try.
     */
    public static SendOutcome ofCommandStatus(int status) {
        String code = String.format(Locale.ROOT, "0x%08X", status);
        return switch (status) {
            case SMPPConstant.STAT_ESME_RTHROTTLED, SMPPConstant.STAT_ESME_RMSGQFUL ->
                    new SendOutcome.Throttled("SMSC answered " + code + " (throttled or queue full)");
            case SMPPConstant.STAT_ESME_RSYSERR, SMPPConstant.STAT_ESME_RX_T_APPN ->
                    new SendOutcome.Retry("SMSC answered " + code + " (a passing error)");
            case SMPPConstant.STAT_ESME_RINVMSGLEN, SMPPConstant.STAT_ESME_RINVDSTADR, SMPPConstant.STAT_ESME_RINVSRCADR,
                    SMPPConstant.STAT_ESME_RINVESMCLASS, SMPPConstant.STAT_ESME_RINVDCS ->
                    new SendOutcome.Rejected(code, "SMSC refused the message (" + code + ")", false);
            default -> new SendOutcome.Rejected(code, "SMSC refused the request (" + code + ")", true);
        };
    }

    /** A receipt's final state as its {@code stat:} field writes it (DELIVRD, EXPIRED, ...). */
    public static MessageStatus ofReceiptStat(String stat) {
        return switch (stat.strip().toUpperCase(Locale.ROOT)) {
            case "DELIVRD" -> MessageStatus.DELIVERED;
            case "EXPIRED" -> MessageStatus.EXPIRED;
            case "DELETED", "UNDELIV" -> MessageStatus.UNDELIVERED;
            case "ACCEPTD", "ENROUTE" -> MessageStatus.SUBMITTED;
            case "REJECTD" -> MessageStatus.REJECTED;
            default -> MessageStatus.UNKNOWN;
        };
    }

    /** A message_state TLV's value (1 ENROUTE ... 8 REJECTED) as the stat word it stands for. */
    public static String statOfMessageState(int state) {
        return switch (state) {
            case 1 -> "ENROUTE";
            case 2 -> "DELIVRD";
            case 3 -> "EXPIRED";
            case 4 -> "DELETED";
            case 5 -> "UNDELIV";
            case 6 -> "ACCEPTD";
            case 8 -> "REJECTD";
            default -> "UNKNOWN";
        };
    }
}
