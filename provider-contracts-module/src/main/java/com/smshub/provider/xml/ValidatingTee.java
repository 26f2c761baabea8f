package com.smshub.provider.xml;

import javax.xml.validation.ValidatorHandler;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Hands every SAX event to a schema validator first (which throws on the first error) and then, unchanged,
 * to the handler that consumes the document. Chaining the consumer behind the validator instead would hand
 * it the validator's augmented events, with the schema's default attributes added: what we read or write
 * must be what was on the wire.
 */
final class ValidatingTee implements ContentHandler {

    private final ValidatorHandler validator;
    private final ContentHandler consumer;

    ValidatingTee(ValidatorHandler validator, ContentHandler consumer) {
        this.validator = validator;
        this.consumer = consumer;
        validator.setContentHandler(null);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        validator.setDocumentLocator(locator);
        consumer.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
        validator.startDocument();
        consumer.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        validator.endDocument();
        consumer.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        validator.startPrefixMapping(prefix, uri);
        consumer.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        validator.endPrefixMapping(prefix);
        consumer.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        validator.startElement(uri, localName, qName, atts);
        consumer.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        validator.endElement(uri, localName, qName);
        consumer.endElement(uri, localName, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        validator.characters(ch, start, length);
        consumer.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        validator.ignorableWhitespace(ch, start, length);
        consumer.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        validator.processingInstruction(target, data);
        consumer.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        validator.skippedEntity(name);
        consumer.skippedEntity(name);
    }
}
