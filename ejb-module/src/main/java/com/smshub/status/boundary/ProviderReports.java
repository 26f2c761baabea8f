package com.smshub.status.boundary;

import java.io.InputStream;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import com.smshub.provider.CallbackUrls;
import com.smshub.provider.ProviderCode;
import com.smshub.provider.smspro.SmsProCodes;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
import com.smshub.provider.xml.ProviderVocabulary;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.status.control.StatusLedger;
import com.smshub.status.entity.MessageStatus;
import com.smshub.status.entity.ProviderReport;

/**
 * Reports that providers push to the gateway's callbacks. A report is taken only with the token of the
 * address it was sent to (CallbackUrls), is applied forward-only in its own transaction, and answered
 * only once it is committed, so a provider that gets no answer sends it again and a duplicate changes
 * nothing twice.
 */
@Stateless
@PermitAll
public class ProviderReports {

    private static final Logger LOG = Logger.getLogger(ProviderReports.class.getName());

    /** The outcome for the HTTP layer. */
    public enum Result { APPLIED, IGNORED, FORBIDDEN }

    @Inject
    StatusLedger ledger;

    /** SMS Pro section 6.9: a pushed {@code mobilectrl_delivery_status}, table 3. */
    public Result smsProDeliveryStatus(String messageId, String token, InputStream body) {
        if (!CallbackUrls.verify(messageId, token)) {
            return Result.FORBIDDEN;
        }
        MobilectrlDeliveryStatus report = ProviderXml.of(ProviderVocabulary.SMSPRO).read(body, MobilectrlDeliveryStatus.class);
        Integer delivery = report.getDeliveryStatus() == null ? null : report.getDeliveryStatus().getValue();
        MessageStatus status = SmsProCodes.ofDeliveryStatus(report.getStatus(), delivery);
        if (status == null) {
            LOG.info(() -> "SMS Pro report for " + messageId + " changes nothing: status " + report.getStatus());
            return Result.IGNORED;
        }
        ProviderReport raw = new ProviderReport(ProviderCode.SMSPRO, delivery == null ? "" : String.valueOf(delivery),
                String.valueOf(report.getStatus()), report.getMobilectrlId() == null ? null : report.getMobilectrlId().strip());
        return ledger.apply(messageId, status, "SMSPRO_PUSH", raw, null, null) ? Result.APPLIED : Result.IGNORED;
    }
}
