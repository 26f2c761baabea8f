package com.smshub.provider.xml;

import java.util.List;
import java.util.Set;

/**
 * One XML vocabulary of one provider: the generated package that binds it and the schemas that define it. Where a
 * provider answers with one root element in several shapes (MyMobileAPI's {@code api_result}), each shape is a
 * vocabulary of its own, because one schema cannot declare the same root twice. Each provider declares its own
 * beside its generated types ({@code com.smshub.provider.<provider>.schema}); nothing here lists them.
 *
 * @param name          a name for messages and for the compiled schema's location, unique among vocabularies
 * @param packageName   the package of the generated JAXB types
 * @param encoding      the character encoding the provider uses on the wire
 * @param cdataElements elements whose text the provider wants in CDATA sections (SMS Pro section 14.4)
 * @param schemas       class-path locations of the schemas, below {@code xsd/}
 */
public record ProviderVocabulary(String name, String packageName, String encoding, Set<String> cdataElements,
        List<String> schemas) {

    public ProviderVocabulary {
        cdataElements = Set.copyOf(cdataElements);
        schemas = List.copyOf(schemas);
    }

    public static ProviderVocabulary of(String name, String packageName, String encoding, Set<String> cdataElements,
            String... schemas) {
        return new ProviderVocabulary(name, packageName, encoding, cdataElements, List.of(schemas));
    }

    @Override
    public String toString() {
        return name;
    }
}
