package com.smshub.xml;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;

/**
 * Parsers for XML from outside (JMS batches, provider callbacks and answers) that load nothing external and
 * keep {@link XmlLimits}: no external entities or DTDs ever; where a format has no use for a DOCTYPE, none at
 * all; depth, children, elements, attributes and text bounded as CXF bounds SOAP calls, and the document's
 * size too. A document over a limit fails with {@link XmlLimitExceededException} naming the limit.
 */
public final class HardenedXml {

    private HardenedXml() {
    }

    /**
     * A namespace-aware SAX parser factory that never loads anything external.
     *
     * @param doctypeAllowed whether a DOCTYPE line (without anything external) is tolerated, as SMS Pro's
     *                       keep-alive example carries one; false refuses any DOCTYPE
     */
    public static SAXParserFactory parsers(boolean doctypeAllowed) {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", !doctypeAllowed);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot harden the XML parser", e);
        }
        return factory;
    }

    /**
     * Makes the reader refuse any entity declaration: where a DOCTYPE is tolerated, it may name the root and
     * nothing more, so no entity is ever defined, let alone expanded (no "billion laughs", nothing external).
     */
    public static XMLReader refusingEntities(XMLReader reader) {
        try {
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", new DeclHandler() {
                @Override
                public void elementDecl(String name, String model) {
                    // a content model defines nothing that expands
                }

                @Override
                public void attributeDecl(String eName, String aName, String type, String mode, String value) {
                    // nor does an attribute list
                }

                @Override
                public void internalEntityDecl(String name, String value) throws SAXException {
                    throw new XmlLimitExceededException("An entity declaration (" + name + ") is refused");
                }

                @Override
                public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
                    throw new XmlLimitExceededException("An entity declaration (" + name + ") is refused");
                }
            });
        } catch (SAXException e) {
            throw new IllegalStateException("The XML parser cannot refuse entity declarations", e);
        }
        return reader;
    }

    /** The input, cut off with an error past the document size limit. */
    public static InputSource bounded(InputSource input) {
        if (input.getByteStream() != null) {
            input.setByteStream(new BoundedStream(input.getByteStream()));
        }
        if (input.getCharacterStream() != null) {
            input.setCharacterStream(new BoundedReader(input.getCharacterStream()));
        }
        return input;
    }

    /** A content handler that passes events on while the document keeps the limits. */
    public static ContentHandler limited(ContentHandler next) {
        return new Limiting(next);
    }

    private static final class Limiting implements ContentHandler {
        private final ContentHandler next;
        private final Deque<int[]> children = new ArrayDeque<>();
        private int elements;
        private int text;

        Limiting(ContentHandler next) {
            this.next = next;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            text = 0;
            if (!children.isEmpty() && ++children.peek()[0] > XmlLimits.MAX_CHILD_ELEMENTS) {
                throw new XmlLimitExceededException("More than " + XmlLimits.MAX_CHILD_ELEMENTS + " children of one element");
            }
            if (++elements > XmlLimits.MAX_ELEMENT_COUNT) {
                throw new XmlLimitExceededException("More than " + XmlLimits.MAX_ELEMENT_COUNT + " elements");
            }
            if (children.size() >= XmlLimits.MAX_ELEMENT_DEPTH) {
                throw new XmlLimitExceededException("Elements nested deeper than " + XmlLimits.MAX_ELEMENT_DEPTH);
            }
            if (atts.getLength() > XmlLimits.MAX_ATTRIBUTE_COUNT) {
                throw new XmlLimitExceededException("More than " + XmlLimits.MAX_ATTRIBUTE_COUNT + " attributes on <" + localName + ">");
            }
            for (int i = 0; i < atts.getLength(); i++) {
                if (atts.getValue(i).length() > XmlLimits.MAX_ATTRIBUTE_SIZE) {
                    throw new XmlLimitExceededException("An attribute longer than " + XmlLimits.MAX_ATTRIBUTE_SIZE + " characters");
                }
            }
            children.push(new int[1]);
            next.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            children.pop();
            text = 0;
            next.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            text += length;
            if (text > XmlLimits.MAX_TEXT_LENGTH) {
                throw new XmlLimitExceededException("A text longer than " + XmlLimits.MAX_TEXT_LENGTH + " characters");
            }
            next.characters(ch, start, length);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            next.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            next.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            next.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            next.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            next.endPrefixMapping(prefix);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            next.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            next.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            next.skippedEntity(name);
        }
    }

    private static IOException tooLarge() {
        return new IOException(new XmlLimitExceededException("A document larger than " + XmlLimits.MAX_XML_CHARACTERS + " characters"));
    }

    private static final class BoundedStream extends FilterInputStream {
        private long read;

        BoundedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > XmlLimits.MAX_XML_CHARACTERS) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > XmlLimits.MAX_XML_CHARACTERS) {
                throw tooLarge();
            }
            return n;
        }
    }

    private static final class BoundedReader extends FilterReader {
        private long read;

        BoundedReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && ++read > XmlLimits.MAX_XML_CHARACTERS) {
                throw tooLarge();
            }
            return c;
        }

        @Override
        public int read(char[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > XmlLimits.MAX_XML_CHARACTERS) {
                throw tooLarge();
            }
            return n;
        }
    }
}
