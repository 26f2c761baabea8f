package com.smshub.provider.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.JAXBIntrospector;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

import com.smshub.xml.HardenedXml;
import com.smshub.xml.XmlLimitExceededException;

/**
 * Reads and writes the providers' XML documents with their generated types. One {@link JAXBContext} and one
 * compiled {@link Schema} per vocabulary, built once and shared: both are thread-safe, and building them is
 * the expensive part. The parsers, schema validators and unmarshallers a call needs are not thread-safe but
 * are reusable, and making them costs more than the parse of a provider's short document: each call borrows
 * a set from a pool and gives it back when the document was read.
 *
 * <p>Parsing is hardened against hostile input ({@link HardenedXml}): nothing external is ever loaded, and
 * every document keeps the gateway's {@link com.smshub.xml.XmlLimits}. A DOCTYPE line is tolerated, because
 * SMS Pro's keep-alive example carries one (section 11). A document that is not well-formed is rejected,
 * never repaired.
 */
public final class ProviderXml {

    private static final Map<ProviderVocabulary, ProviderXml> INSTANCES = new HashMap<>();

    private final ProviderVocabulary vocabulary;
    private final JAXBContext context;
    private final Schema schema;
    private final SAXParserFactory parsers;
    private final Queue<Reading> pool = new ConcurrentLinkedQueue<>();
    private final Queue<Writing> writers = new ConcurrentLinkedQueue<>();

    /** What one read needs, used by one thread at a time. */
    private record Reading(XMLReader parser, ValidatorHandler validator, Unmarshaller unmarshaller) {
    }

    /** What one write in CDATA style needs, used by one thread at a time. */
    private record Writing(Marshaller marshaller, ValidatorHandler validator) {
    }

    private static final int POOLED = 64;

    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // a warning does not make a document unreadable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private ProviderXml(ProviderVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        ClassLoader loader = ProviderXml.class.getClassLoader();
        try {
            this.context = JAXBContext.newInstance(vocabulary.packageName(), loader);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot bind " + vocabulary, e);
        }
        this.schema = compile(vocabulary, loader);
        this.parsers = HardenedXml.parsers(true);
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
        Reading reading = borrow();
        try {
            // one pass: the parser feeds the schema validator (which throws on the first error) and the unmarshaller
            UnmarshallerHandler handler = reading.unmarshaller().getUnmarshallerHandler();
            reading.parser().setContentHandler(HardenedXml.limited(new ValidatingTee(reading.validator(), handler)));
            reading.parser().parse(HardenedXml.bounded(input));
            Object value = JAXBIntrospector.getValue(handler.getResult());
            if (pool.size() < POOLED) {
                pool.offer(reading); // only a set that finished its document cleanly goes back
            }
            if (!type.isInstance(value)) {
                throw new InvalidProviderXmlException("Expected " + type.getSimpleName() + " but read "
                        + value.getClass().getSimpleName());
            }
            return type.cast(value);
        } catch (SAXException e) {
            Throwable cause = e.getException() != null ? e.getException() : e;
            throw new InvalidProviderXmlException(String.valueOf(cause.getMessage()), e);
        } catch (JAXBException e) {
            throw new InvalidProviderXmlException(describe(e), e);
        } catch (IOException e) {
            if (e.getCause() instanceof XmlLimitExceededException limit) {
                throw new InvalidProviderXmlException(limit.getMessage(), limit);
            }
            throw new UncheckedIOException(e);
        }
    }

    private Reading borrow() {
        Reading reading = pool.poll();
        if (reading != null) {
            return reading;
        }
        try {
            ValidatorHandler validator = schema.newValidatorHandler();
            validator.setErrorHandler(null); // errors throw, warnings pass
            XMLReader parser = HardenedXml.refusingEntities(parsers.newSAXParser().getXMLReader());
            parser.setErrorHandler(FAIL_ON_ERROR); // without one, the parser prints every error to stderr
            return new Reading(parser, validator, context.createUnmarshaller());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser unavailable", e);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot unmarshal " + vocabulary, e);
        }
    }

    /**
     * Writes a document in the vocabulary's encoding, validating it first: we never send what the schema forbids.
     * The text of the vocabulary's CDATA elements is written in CDATA sections.
     */
    public void write(Object document, Writer out) {
        if (!vocabulary.cdataElements().isEmpty()) {
            writeWithCdata(document, out);
            return;
        }
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setSchema(schema);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, vocabulary.encoding());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            marshaller.marshal(document, out);
        } catch (JAXBException e) {
            throw new InvalidProviderXmlException(describe(e), e);
        }
    }

    /** The marshaller feeds the schema validator and the CDATA-aware writer, both pooled with it. */
    private void writeWithCdata(Object document, Writer out) {
        Writing writing = writers.poll();
        try {
            if (writing == null) {
                ValidatorHandler validator = schema.newValidatorHandler();
                validator.setErrorHandler(null); // errors throw, warnings pass
                writing = new Writing(context.createMarshaller(), validator);
            }
            writing.marshaller().marshal(document, new ValidatingTee(writing.validator(),
                    new CdataXmlWriter(out, vocabulary.encoding(), vocabulary.cdataElements())));
            if (writers.size() < POOLED) {
                writers.offer(writing);
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
