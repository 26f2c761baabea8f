package com.smshub.provider.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.JAXBIntrospector;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads and writes the providers' XML documents with their generated types. One {@link JAXBContext} and one
 * compiled {@link Schema} per vocabulary, built once and shared: both are thread-safe, and building them is
 * the expensive part. Marshallers and unmarshallers are cheap and not thread-safe, so each call makes its own.
 *
 * <p>Parsing is hardened against hostile input: no external entities and no external DTD are ever loaded.
 * A DOCTYPE line without an internal subset is tolerated, because SMS Pro's keep-alive example carries one
 * (section 11). A document that is not well-formed is rejected, never repaired.
 */
public final class ProviderXml {

    private static final Map<ProviderVocabulary, ProviderXml> INSTANCES = new EnumMap<>(ProviderVocabulary.class);

    private final ProviderVocabulary vocabulary;
    private final JAXBContext context;
    private final Schema schema;
    private final SAXParserFactory parsers;

    private ProviderXml(ProviderVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        ClassLoader loader = ProviderXml.class.getClassLoader();
        try {
            this.context = JAXBContext.newInstance(vocabulary.packageName(), loader);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot bind " + vocabulary, e);
        }
        this.schema = compile(vocabulary, loader);
        this.parsers = hardenedParsers();
    }

    /** The shared reader and writer of a vocabulary. */
    public static ProviderXml of(ProviderVocabulary vocabulary) {
        synchronized (INSTANCES) {
            return INSTANCES.computeIfAbsent(vocabulary, ProviderXml::new);
        }
    }

    public ProviderVocabulary vocabulary() {
        return vocabulary;
    }

    /** The compiled schema of the vocabulary. */
    public Schema schema() {
        return schema;
    }

    /**
     * Parses and validates a document.
     *
     * @throws InvalidProviderXmlException when it is not well-formed or breaks the schema
     */
    public <T> T read(InputStream body, Class<T> type) {
        return read(new InputSource(Objects.requireNonNull(body, "body")), type);
    }

    /** Parses and validates a document held in a string (MyMobileAPI passes its documents as strings). */
    public <T> T read(String body, Class<T> type) {
        return read(new InputSource(new StringReader(Objects.requireNonNull(body, "body"))), type);
    }

    private <T> T read(InputSource input, Class<T> type) {
        try {
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setSchema(schema);
            Object value = JAXBIntrospector.getValue(unmarshaller.unmarshal(saxSource(input)));
            if (!type.isInstance(value)) {
                throw new InvalidProviderXmlException("Expected " + type.getSimpleName() + " but read "
                        + value.getClass().getSimpleName());
            }
            return type.cast(value);
        } catch (JAXBException e) {
            throw new InvalidProviderXmlException(describe(e), e);
        }
    }

    /**
     * Writes a document in the vocabulary's encoding, validating it first: we never send what the schema forbids.
     * The text of the vocabulary's CDATA elements is written in CDATA sections.
     */
    public void write(Object document, Writer out) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setSchema(schema);
            if (vocabulary.cdataElements().isEmpty()) {
                marshaller.setProperty(Marshaller.JAXB_ENCODING, vocabulary.encoding());
                marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
                marshaller.marshal(document, out);
            } else {
                marshaller.marshal(document, new CdataXmlWriter(out, vocabulary.encoding(), vocabulary.cdataElements()));
            }
        } catch (JAXBException e) {
            throw new InvalidProviderXmlException(describe(e), e);
        }
    }

    /** Writes a document to a string. */
    public String write(Object document) {
        StringWriter out = new StringWriter(512);
        write(document, out);
        return out.toString();
    }

    private SAXSource saxSource(InputSource input) {
        try {
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            return new SAXSource(reader, input);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser unavailable", e);
        }
    }

    private static SAXParserFactory hardenedParsers() {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot harden the XML parser", e);
        }
        return factory;
    }

    /**
     * Compiles the vocabulary's schemas as one. They share one (absent) target namespace, and a schema
     * factory given several such sources keeps only the first, so a wrapper includes them all.
     */
    private static Schema compile(ProviderVocabulary vocabulary, ClassLoader loader) {
        StringBuilder wrapper = new StringBuilder("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>");
        String base = null; // the wrapper's own system id must differ from every schema it includes
        for (String path : vocabulary.schemas()) {
            URL url = loader.getResource("xsd/" + path);
            if (url == null) {
                throw new IllegalStateException("Schema missing from the class path: xsd/" + path);
            }
            String location = url.toExternalForm();
            base = location.substring(0, location.lastIndexOf('/') + 1) + vocabulary.name() + "-all.xsd";
            wrapper.append("<xs:include schemaLocation='").append(location).append("'/>");
        }
        wrapper.append("</xs:schema>");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            return factory.newSchema(new StreamSource(new StringReader(wrapper.toString()), base));
        } catch (SAXException e) {
            throw new IllegalStateException("Schema of " + vocabulary + " does not compile", e);
        }
    }

    private static String describe(JAXBException e) {
        Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
        if (cause instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        return cause != null && cause.getMessage() != null ? cause.getMessage() : String.valueOf(e.getMessage());
    }
}
