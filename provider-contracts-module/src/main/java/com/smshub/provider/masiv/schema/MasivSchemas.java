package com.smshub.provider.masiv.schema;

import java.util.Set;

import com.smshub.provider.xml.ProviderVocabulary;

/** Masiv HTTP API 4.2's XML: the schema in {@code xsd/masiv}, bound in {@code com.smshub.provider.masiv.xml}. */
public final class MasivSchemas {

    /** The response of sendmessage, getMessage and errors. */
    public static final ProviderVocabulary RESPONSE = ProviderVocabulary.of("MASIV", "com.smshub.provider.masiv.xml", "UTF-8",
            Set.of(), "masiv/response.xsd");

    private MasivSchemas() {
    }
}
