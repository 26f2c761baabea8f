package com.smshub.status.boundary;

import java.io.InputStream;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

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
 * address it was sent to (CallbackUrls), is applied forward-only with the reports that arrive with it
 * (ReportGroups), and answered only once it is committed, so a provider that gets no answer sends it again and a duplicate changes
 * nothing twice.
 */
@Stateless
@PermitAll
public class ProviderReports {

    private static final Logger LOG = Logger.getLogger(ProviderReports.class.getName());

    /** The outcome for the HTTP layer. */
    public enum Result { APPLIED, IGNORED, FORBIDDEN }

    @EJB
    ReportGroups groups;

    /** SMS Pro section 6.9: a pushed {@code mobilectrl_delivery_status}, table 3. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // committed with its group
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
        return groups.apply(new StatusLedger.Change(messageId, status, "SMSPRO_PUSH", raw)) ? Result.APPLIED : Result.IGNORED;
    }
}
