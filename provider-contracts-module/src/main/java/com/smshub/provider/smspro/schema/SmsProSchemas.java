package com.smshub.provider.smspro.schema;

import java.util.Set;

import com.smshub.provider.xml.ProviderVocabulary;

/** SMS Pro / Billing Pro 3.3.1's XML: the schemas in {@code xsd/smspro}, bound in {@code com.smshub.provider.smspro.xml}. */
public final class SmsProSchemas {

    /** Every document of sections 6 to 11, in ISO-8859-1, the message text in CDATA (section 14.4). */
    public static final ProviderVocabulary VOCABULARY = ProviderVocabulary.of("SMSPRO", "com.smshub.provider.smspro.xml",
            "ISO-8859-1", Set.of("message"),
            "smspro/mobilectrl_sms.xsd", "smspro/mobilectrl_response.xsd",
            "smspro/mobilectrl_delivery_status_request.xsd", "smspro/mobilectrl_delivery_status.xsd",
            "smspro/content_billing_result.xsd", "smspro/mobilectrl_received_sms.xsd",
            "smspro/mobilectrl_received_sms_response.xsd", "smspro/billing_request.xsd",
            "smspro/billing_result.xsd", "smspro/mobilectrl_alive_request.xsd", "smspro/mobilectrl_alive_check.xsd");

    private SmsProSchemas() {
    }
}
