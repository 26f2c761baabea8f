package com.smshub.provider.smpp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Logger;

import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SMPPConstant;

import com.smshub.kernel.Counters;
import com.smshub.kernel.RateLimitedLog;

/**
 * jSMPP's PDU sender, counting every deliver_sm the session answers with an error: the ones the gateway refused
 * (a receipt or message it could not record yet: temporary; a malformed PDU: permanent) and the ones jSMPP itself
 * refused with ESME_RTHROTTLED because the session's receive queue was full ({@code smshub.smpp.receive-queue}),
 * which no listener of ours ever sees. An SMSC delivers a refused deliver_sm again, so none is lost here; but one
 * that gives up after a few tries loses receipts, and an operator must be able to see that it is asked to: counted
 * as {@code smpp.deliver-sm-refused.<reason>} at /smshub/admin/counters, the throttled ones logged once a minute.
 */
final class RefusalCountingSender extends DefaultPDUSender {

    private static final Logger LOG = Logger.getLogger(RefusalCountingSender.class.getName());
    private static final RateLimitedLog THROTTLED = new RateLimitedLog(LOG);

    private final String account;
    private final int queueCapacity;

    RefusalCountingSender(String account, int queueCapacity) {
        this.account = account;
        this.queueCapacity = queueCapacity;
    }

    @Override
    public byte[] sendHeader(OutputStream os, int commandId, int commandStatus, int sequenceNumber) throws IOException {
        if ((commandId & 0x7FFFFFFF) == SMPPConstant.CID_DELIVER_SM && commandStatus != SMPPConstant.STAT_ESME_ROK) {
            Counters.increment("smpp.deliver-sm-refused." + reason(commandStatus));
            if (commandStatus == SMPPConstant.STAT_ESME_RTHROTTLED) {
                THROTTLED.warn(account, () -> "deliver_sm on account " + account + " refused with ESME_RTHROTTLED: the "
                        + "session's receive queue (" + queueCapacity + ", smshub.smpp.receive-queue) is full; the SMSC "
                        + "is to deliver it again (counted as smpp.deliver-sm-refused.throttled)");
            }
            // with its (empty) message_id, as the refusals of our own listener go: an SMSC that reads a body into
            // every deliver_sm_resp (jSMPP's server side does) would lose a header alone, and never deliver again
            return super.sendDeliverSmResp(os, commandStatus, sequenceNumber, "");
        }
        return super.sendHeader(os, commandId, commandStatus, sequenceNumber);
    }

    static String reason(int commandStatus) {
        return switch (commandStatus) {
            case SMPPConstant.STAT_ESME_RTHROTTLED -> "throttled";
            case SMPPConstant.STAT_ESME_RX_T_APPN -> "temporary";
            case SMPPConstant.STAT_ESME_RX_P_APPN -> "permanent";
            default -> String.format("0x%08x", commandStatus);
        };
    }
}
