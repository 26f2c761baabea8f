package com.smshub.provider.xml;

import java.util.List;
import java.util.Set;

/**
 * One XML vocabulary of one provider: the generated package that binds it and the schemas that define it.
 * Where a provider answers with one root element in several shapes (MyMobileAPI's {@code api_result}), each
 * shape is a vocabulary of its own, because one schema cannot declare the same root twice.
 */
public enum ProviderVocabulary {

    /** SMS Pro / Billing Pro 3.3.1: every document of sections 6 to 11. */
    SMSPRO("com.smshub.provider.smspro.xml", "ISO-8859-1", Set.of("message"),
            "smspro/mobilectrl_sms.xsd", "smspro/mobilectrl_response.xsd",
            "smspro/mobilectrl_delivery_status_request.xsd", "smspro/mobilectrl_delivery_status.xsd",
            "smspro/content_billing_result.xsd", "smspro/mobilectrl_received_sms.xsd",
            "smspro/mobilectrl_received_sms_response.xsd", "smspro/billing_request.xsd",
            "smspro/billing_result.xsd", "smspro/mobilectrl_alive_request.xsd", "smspro/mobilectrl_alive_check.xsd"),

    /** MyMobileAPI: the documents its operations take (senddata, sent, reply, options). */
    MYMOBILEAPI_REQUESTS("com.smshub.provider.mymobileapi.xml", "UTF-8", Set.of(),
            "mymobileapi/senddata.xsd", "mymobileapi/sent.xsd", "mymobileapi/reply.xsd", "mymobileapi/options.xsd"),
    /** MyMobileAPI: api_result answering Send_STR_STR. */
    MYMOBILEAPI_SEND_RESULT("com.smshub.provider.mymobileapi.xml.sendresult", "UTF-8", Set.of(), "mymobileapi/api_result_send.xsd"),
    /** MyMobileAPI: api_result answering Sent_STR_STR. */
    MYMOBILEAPI_SENT_RESULT("com.smshub.provider.mymobileapi.xml.sentresult", "UTF-8", Set.of(), "mymobileapi/api_result_sent.xsd"),
    /** MyMobileAPI: api_result answering Reply_STR_STR. */
    MYMOBILEAPI_REPLY_RESULT("com.smshub.provider.mymobileapi.xml.replyresult", "UTF-8", Set.of(), "mymobileapi/api_result_reply.xsd"),
    /** MyMobileAPI: api_result answering ShortCode_Get_STR_STR. */
    MYMOBILEAPI_SHORTCODE_RESULT("com.smshub.provider.mymobileapi.xml.shortcoderesult", "UTF-8", Set.of(),
            "mymobileapi/api_result_shortcode.xsd"),
    /** MyMobileAPI: api_result answering Credits_STR. */
    MYMOBILEAPI_CREDITS_RESULT("com.smshub.provider.mymobileapi.xml.creditsresult", "UTF-8", Set.of(),
            "mymobileapi/api_result_credits.xsd"),

    /** Masiv HTTP API 4.2: the response of sendmessage, getMessage and errors. */
    MASIV("com.smshub.provider.masiv.xml", "UTF-8", Set.of(), "masiv/response.xsd");

    private final String packageName;
    private final String encoding;
    private final List<String> schemas;
    private final Set<String> cdataElements;

    ProviderVocabulary(String packageName, String encoding, Set<String> cdataElements, String... schemas) {
        this.packageName = packageName;
        this.encoding = encoding;
        this.cdataElements = cdataElements;
        this.schemas = List.of(schemas);
    }

    /** The package of the generated JAXB types. */
    public String packageName() {
        return packageName;
    }

    /** The character encoding the provider uses on the wire. */
    public String encoding() {
        return encoding;
    }

    /** Elements whose text the provider wants in CDATA sections (SMS Pro section 14.4). */
    public Set<String> cdataElements() {
        return cdataElements;
    }

    /** Class-path locations of the schemas, below {@code xsd/}. */
    public List<String> schemas() {
        return schemas;
    }
}
