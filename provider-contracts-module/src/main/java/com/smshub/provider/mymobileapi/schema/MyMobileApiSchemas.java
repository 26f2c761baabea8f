package com.smshub.provider.mymobileapi.schema;

import java.util.Set;

import com.smshub.provider.xml.ProviderVocabulary;

/**
 * MyMobileAPI's XML: the schemas in {@code xsd/mymobileapi}. Its {@code api_result} has a shape per operation, each a
 * vocabulary of its own, since one schema cannot declare the same root twice.
 */
public final class MyMobileApiSchemas {

    /** The documents its operations take (senddata, sent, reply, options). */
    public static final ProviderVocabulary REQUESTS = ProviderVocabulary.of("MYMOBILEAPI_REQUESTS",
            "com.smshub.provider.mymobileapi.xml", "UTF-8", Set.of(),
            "mymobileapi/senddata.xsd", "mymobileapi/sent.xsd", "mymobileapi/reply.xsd", "mymobileapi/options.xsd");
    /** api_result answering Send_STR_STR. */
    public static final ProviderVocabulary SEND_RESULT = ProviderVocabulary.of("MYMOBILEAPI_SEND_RESULT",
            "com.smshub.provider.mymobileapi.xml.sendresult", "UTF-8", Set.of(), "mymobileapi/api_result_send.xsd");
    /** api_result answering Sent_STR_STR. */
    public static final ProviderVocabulary SENT_RESULT = ProviderVocabulary.of("MYMOBILEAPI_SENT_RESULT",
            "com.smshub.provider.mymobileapi.xml.sentresult", "UTF-8", Set.of(), "mymobileapi/api_result_sent.xsd");
    /** api_result answering Reply_STR_STR. */
    public static final ProviderVocabulary REPLY_RESULT = ProviderVocabulary.of("MYMOBILEAPI_REPLY_RESULT",
            "com.smshub.provider.mymobileapi.xml.replyresult", "UTF-8", Set.of(), "mymobileapi/api_result_reply.xsd");
    /** api_result answering ShortCode_Get_STR_STR. */
    public static final ProviderVocabulary SHORTCODE_RESULT = ProviderVocabulary.of("MYMOBILEAPI_SHORTCODE_RESULT",
            "com.smshub.provider.mymobileapi.xml.shortcoderesult", "UTF-8", Set.of(), "mymobileapi/api_result_shortcode.xsd");
    /** api_result answering Credits_STR. */
    public static final ProviderVocabulary CREDITS_RESULT = ProviderVocabulary.of("MYMOBILEAPI_CREDITS_RESULT",
            "com.smshub.provider.mymobileapi.xml.creditsresult", "UTF-8", Set.of(), "mymobileapi/api_result_credits.xsd");

    private MyMobileApiSchemas() {
    }
}
