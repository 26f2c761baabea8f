package com.smshub.provider.mymsp;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Reason;
import com.smshub.provider.smpp.ReceiptErrors;

/**
 * What myMSP's receipts say beyond their {@code stat:} (docs/status-mapping.md, section "myMSP"). The gateway speaks
 * SMPP 3.4 to myMSP, so its outcomes are SMPP's: {@code submit_sm_resp}'s command_status and the receipts' states
 * ({@code SmppCodes}). myMSP's own message statuses (section 3.2) and result codes (section 3.3, "the success of
 * invoking a myMSP service") belong to its HTTPS and web service APIs, which answer them to a service call; they
 * never reach an SMPP client. A receipt's {@code err:} is the network's or the SMSC's code (SMPP 3.4, appendix B):
 * kept with the status as written, never read as a myMSP result code (a network's 503 is not "not enough credits").
 */
final class MyMspCodes implements ReceiptErrors {

    static final MyMspCodes INSTANCE = new MyMspCodes();

    private MyMspCodes() {
    }

    /** The receipt's stat: decides; a failed one's err:, where it says anything, is the reason's text. */
    @Override
    public Reading read(MessageStatus status, String err) {
        String code = err == null ? "" : err.strip();
        if (status == MessageStatus.DELIVERED || code.isEmpty() || code.chars().allMatch(c -> c == '0')) {
            return new Reading(status, null);
        }
        return new Reading(status, new Reason("NETWORK_ERROR", "The receipt's err:" + code
                + " (the network's or the SMSC's code, SMPP 3.4 appendix B)"));
    }
}
